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

/** A CSV answer is one response body: kept well inside Lambda's 6 MB (a row is under 200 bytes); more asks for the JSON pages. */
export const MAX_CSV_ROWS = 20_000;

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
  for await (const rows of pages) {
    if (lines.length - 1 + rows.length > MAX_CSV_ROWS) {
      throw new Unprocessable('REPORT_TOO_LARGE', `The ledger has more than ${MAX_CSV_ROWS} open items: read it as JSON, a page at a time.`, {
        maxRows: MAX_CSV_ROWS,
      });
    }
    for (const row of rows) lines.push(COLUMNS.map((column) => field(row[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
