import { Unprocessable } from '../errors.ts';
import type { StatementSource } from './service.ts';

/**
 * The most lines one statement PDF holds (about 120 A4 pages, rendered in
 * about a second): a longer period is refused with 422 `STATEMENT_TOO_LARGE`,
 * so a PDF always fits a Lambda response and an email attachment.
 */
export const MAX_STATEMENT_PDF_LINES = 5_000;

/** The lines of the source's period, refused before anything is drawn when there are more than a PDF holds. */
export function requirePrintable(source: StatementSource): void {
  const lines = source.entries.filter((entry) => entry.date >= source.from && entry.date <= source.to).length;
  if (lines > MAX_STATEMENT_PDF_LINES) {
    throw new Unprocessable(
      'STATEMENT_TOO_LARGE',
      `The statement has ${lines} lines in this period; a PDF holds at most ${MAX_STATEMENT_PDF_LINES}: choose a shorter period.`,
      { lines, limit: MAX_STATEMENT_PDF_LINES },
    );
  }
}
