import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: 'What customers owe: statements of account and the accounts-receivable aging report.',
  operations: {
    'GET /v1/orgs/{orgId}/contacts/{contactId}/statement': {
      description:
        "Opening balance, lines (invoices and retainer invoices as debits on their issue date; payments, applied credit, credit notes (by their own number, for what they took off an invoice), refunds and reversals on their date), totals and closing balance in one currency, with the aging of the contact's open balances as of `to`. `to` defaults to today in the organization's time zone, `from` to the first of that month, `currency` to the organization's; the closing balance equals the open balances.",
    },
    'GET /v1/orgs/{orgId}/reports/receivables-aging': {
      description:
        "Open balances of sent invoices and retainer invoices by days past due as of `asOf` (default: today in the organization's time zone): current (not yet due or due that day), 1–30, 31–60, 61–90, 90+, per contact and currency and in total per currency; currencies are never added together.",
    },
  },
} satisfies AreaDocs<typeof routes>;
