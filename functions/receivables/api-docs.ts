import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

/** What a statement holds and how it pages: the staff and the portal route alike. */
export const STATEMENT =
  "Opening balance, lines (invoices and retainer invoices as debits on their issue date; payments, applied credit, credit notes (by their own number, for what they took off an invoice), refunds and reversals on their date), totals and closing balance in one currency, with the aging of the contact's open balances as of `to`. `to` defaults to today in the organization's time zone, `from` to the first of that month. `currencies` lists every currency the contact has documents or payments in; `currency` defaults to the organization's when the contact has activity in it, else to the first of `currencies`. Lines of one date: documents first, then in the order they were recorded. Each line names its document (`documentId`, `documentKind`; a credit note's line its credit note) for a link. Lines are paged: `limit` 1–200 (default 100), `cursor` the previous page's `nextCursor` with the same from, to and currency; every page carries the whole period's opening balance, totals and closing balance, and `broughtForward`, the running balance before its first line. The closing balance equals the open balances. With `Accept: application/pdf` the answer is the whole period's statement in that currency as one PDF (`limit` and `cursor` do not apply): the organization's logo and brand colour, seller and contact, period, balances, every line with its running balance, the closing balance and the aging, in the reader's language (staff: the contact's; portal: the person's); up to 5,000 lines, else `422 STATEMENT_TOO_LARGE` (choose a shorter period).";

export const docs = {
  tag: 'What customers owe: statements of account and the accounts-receivable aging report.',
  operations: {
    'GET /v1/orgs/{orgId}/contacts/{contactId}/statement': {
      description: STATEMENT,
    },
    'POST /v1/orgs/{orgId}/contacts/{contactId}/statement/email': {
      description:
        "Queues the statement of the period and currency (defaults as for the statement: `to` today in the organization's time zone, `from` the first of that month, the organization's currency when the contact has activity in it) for the contact's persons: those in `personIds` (each must be one of this contact's, else 404), else every person; addresses SES reported bouncing or complaining are left out (none left: `422 NO_RECIPIENTS`). Each mail, sent from the consumer lane in the person's language, has the statement's PDF attached (in that language) and links to the statement in the portal. A currency the contact has nothing in (and that is not the organization's) is `422 UNKNOWN_CURRENCY`; `to` before `from` is `422 INVALID_RANGE`; a period of more than 5,000 lines `422 STATEMENT_TOO_LARGE`; more mail than today's limits allow `429`: nothing is queued. Answers 202 with the period, currency and recipients; the same `Idempotency-Key` answers the same reply and sends nothing more.",
      example: { from: '2026-03-01', to: '2026-03-31', currency: 'EUR' },
    },
    'GET /v1/orgs/{orgId}/reports/receivables-aging': {
      description:
        "Open balances of sent invoices and retainer invoices by days past due as of `asOf` (default: today in the organization's time zone): current (not yet due or due that day), 1–30, 31–60, 61–90, 90+, per contact and currency and in total per currency; currencies are never added together. As of today or later it reads the receivables aggregates, which follow each change within moments (the consumer lane); as of a past date it is computed from the documents and their payments by date, like the receivables ledger, whose rows it sums.",
    },
    'GET /v1/orgs/{orgId}/reports/receivables-ledger': {
      description:
        "Every open item behind the aging report as of `asOf` (default: today in the organization's time zone): one row per document with what it still owed, its bucket and days past due, by contact then document. As of today or later, what is open now; as of a past date, each document issued by then less its payments, credit, refunds and reversals dated by then (void documents never count, as on statements). JSON answers pages (`limit` 1–100, default 25; `cursor` with the same `asOf`); `Accept: text/csv` answers the whole ledger as one CSV file (amounts in minor units; up to 20,000 rows and 5 MB, one response's worth, else `422 REPORT_TOO_LARGE`: read the JSON pages). Its balances sum to the aging report's totals for the same date, and per contact to the contact's statement closing balance to that date.",
    },
  },
} satisfies AreaDocs<typeof routes>;
