import { Unprocessable } from '../errors.ts';
import type { LedgerRow } from './ledger-rows.ts';

const COLUMNS = [
  'contactId',
  'documentId',
  'documentKind',
  'number',
  'currency',
  'issueDate',
  'dueDate',
  'daysPastDue',
  'bucket',
  'total',
  'paid',
  'balance',
] as const;

/**
 * A CSV answer is one response body, and a Lambda answer through API Gateway
 * is at most 6 MB: the export stops at 20,000 rows (a row is under 250 bytes)
 * or 5 MB, whichever comes first, and asks for the JSON pages instead.
 */
export const MAX_CSV_ROWS = 20_000;
export const MAX_CSV_BYTES = 5 * 1024 * 1024;

/**
 * A text field as CSV: quoted when it holds a separator, a quote or a line
 * break; a leading `=`, `+`, `-` or `@` is neutralized so a spreadsheet never
 * runs it as a formula.
 */
function field(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The ledger as CSV (RFC 4180, CRLF, a header row; amounts in integer minor units), built a page of rows at a time. */
export async function ledgerCsv(pages: AsyncIterable<LedgerRow[]>): Promise<string> {
  const lines = [COLUMNS.join(',')];
  let bytes = Buffer.byteLength(lines[0]!) + 2;
  const tooLarge = () =>
    new Unprocessable('REPORT_TOO_LARGE', `The ledger is larger than one CSV answer holds (${MAX_CSV_ROWS} rows, 5 MB): read it as JSON, a page at a time.`, {
      maxRows: MAX_CSV_ROWS,
      maxBytes: MAX_CSV_BYTES,
    });
  for await (const rows of pages) {
    if (lines.length - 1 + rows.length > MAX_CSV_ROWS) throw tooLarge();
    for (const row of rows) {
      const line = COLUMNS.map((column) => field(row[column])).join(',');
      bytes += Buffer.byteLength(line) + 2;
      if (bytes > MAX_CSV_BYTES) throw tooLarge();
      lines.push(line);
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
