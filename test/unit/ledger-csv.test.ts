import { describe, expect, it } from 'vitest';
import { Unprocessable } from '../../functions/core/errors.ts';
import { ledgerCsv, MAX_CSV_ROWS } from '../../functions/core/receivables/ledger-csv.ts';
import type { LedgerRow } from '../../functions/core/receivables/ledger-rows.ts';

const row = (index: number, number = `INV-${index}`): LedgerRow => ({
  contactId: 'con_1',
  documentId: `doc_${String(index).padStart(6, '0')}`,
  documentKind: 'invoice',
  number,
  currency: 'EUR',
  issueDate: '2026-01-05',
  dueDate: '2026-02-04',
  daysPastDue: 10,
  bucket: 'days1to30',
  total: 10_000,
  paid: 2_500,
  balance: 7_500,
});

async function* pagesOf(rows: LedgerRow[], size = 500) {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

const rowsOf = (count: number, number?: (index: number) => string) => Array.from({ length: count }, (_, index) => row(index, number?.(index)));

describe('the receivables ledger as CSV', () => {
  it('writes a header and one CRLF line per row, guarding text a spreadsheet would run', async () => {
    expect(await ledgerCsv(pagesOf([row(1), row(2, '=SUM(A1),"x"')]))).toBe(
      'contactId,documentId,documentKind,number,currency,issueDate,dueDate,daysPastDue,bucket,total,paid,balance\r\n' +
        'con_1,doc_000001,invoice,INV-1,EUR,2026-01-05,2026-02-04,10,days1to30,10000,2500,7500\r\n' +
        `con_1,doc_000002,invoice,"'=SUM(A1),""x""",EUR,2026-01-05,2026-02-04,10,days1to30,10000,2500,7500\r\n`,
    );
  });

  it(`answers up to ${MAX_CSV_ROWS} rows, and refuses one more before reading further`, async () => {
    const csv = await ledgerCsv(pagesOf(rowsOf(MAX_CSV_ROWS)));
    expect(csv.split('\r\n')).toHaveLength(MAX_CSV_ROWS + 2);
    await expect(ledgerCsv(pagesOf(rowsOf(MAX_CSV_ROWS + 1)))).rejects.toMatchObject({
      code: 'REPORT_TOO_LARGE',
      details: { maxRows: MAX_CSV_ROWS, maxBytes: 5 * 1024 * 1024 },
    });
  });

  it('refuses a ledger whose rows would pass 5 MB, below the 6 MB a Lambda answer may carry', async () => {
    // Long numbers of quotes, each doubled: 19,000 rows of about 310 bytes.
    const error = await ledgerCsv(pagesOf(rowsOf(19_000, (index) => `${'"'.repeat(100)}${index}`))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Unprocessable);
    expect(error).toMatchObject({ code: 'REPORT_TOO_LARGE' });
  });
});
