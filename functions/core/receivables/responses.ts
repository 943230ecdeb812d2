import * as z from 'zod/mini';
import { built } from '../built-schema.ts';
import { documentKinds } from '../documents/kinds.ts';
import { IsoDate, Money } from '../shapes.ts';

/** Balances by days past due: current is not yet due or due that day. */
const CurrencyAging = /* @__PURE__ */ z.lazy(() =>
  z.object({
    currency: z.string(),
    current: Money,
    days1to30: Money,
    days31to60: Money,
    days61to90: Money,
    days90plus: Money,
    total: Money,
  }),
);

/** One row per contact and currency and one total per currency: currencies are never added together. */
export const AgingReport = /* @__PURE__ */ z.lazy(() =>
  z.object({
    asOf: IsoDate,
    contacts: z.array(z.extend(built(CurrencyAging), { contactId: z.string() })),
    totals: z.array(CurrencyAging),
  }),
);

/**
 * A contact's statement of account in one currency, one page of its lines at a
 * time, with the aging of its closing balance; the same for staff and portal.
 */
export const Statement = /* @__PURE__ */ z.lazy(() =>
  z.object({
    contact: z.object({ id: z.string(), name: z.string() }),
    currency: z.string(),
    currencies: z.array(z.string()).register(z.globalRegistry, {
      description: 'Every currency the contact has documents or payments in, sorted: the statement answers one of them at a time.',
    }),
    from: IsoDate,
    to: IsoDate,
    openingBalance: Money.check(z.describe('The balance on the day before `from`, the same on every page.')),
    broughtForward: Money.check(z.describe("The running balance before this page's first line: `openingBalance` on the first page.")),
    lines: z.array(
      z.object({
        date: IsoDate,
        type: z.enum(['invoice', 'retainer-invoice', 'credit-note', 'payment', 'credit', 'refund', 'reversal']),
        reference: z.string(),
        documentId: z.optional(z.string().register(z.globalRegistry, { description: 'The document the line is, or the document the money moved on.' })),
        documentKind: z.optional(z.enum(documentKinds)),
        debit: Money,
        credit: Money,
        /** Running balance after this line; positive means the contact owes. */
        balance: Money,
      }),
    ),
    totals: z.object({ debits: Money, credits: Money }).register(z.globalRegistry, { description: "The whole period's, on every page." }),
    closingBalance: Money,
    aging: CurrencyAging,
    nextCursor: z
      .nullable(z.string())
      .register(z.globalRegistry, { description: 'Pass as `cursor` (with the same from, to and currency) for the next lines; null on the last page.' }),
  }),
);

/** The receivables ledger: the open items behind the aging report, as of a date. */
export const ReceivablesLedger = /* @__PURE__ */ z.lazy(() =>
  z.object({
    asOf: IsoDate,
    items: z.array(
      z.object({
        contactId: z.string(),
        documentId: z.string(),
        documentKind: z.enum(documentKinds),
        number: z.string(),
        currency: z.string(),
        issueDate: IsoDate,
        dueDate: IsoDate,
        daysPastDue: z.int().register(z.globalRegistry, { description: 'Days from the due date to `asOf`; 0 or less is not yet overdue.' }),
        bucket: z.enum(['current', 'days1to30', 'days31to60', 'days61to90', 'days90plus']),
        total: Money,
        paid: Money.check(z.describe('Paid, credited and given back as of `asOf`: `total − balance`.')),
        balance: Money,
      }),
    ),
    nextCursor: z
      .nullable(z.string())
      .register(z.globalRegistry, { description: 'Pass as `cursor` (with the same asOf) for the next page; null on the last page.' }),
  }),
);

/** A statement email queued: what goes to whom; each mail leaves from the consumer lane a moment later. */
export const StatementEmailQueued = /* @__PURE__ */ z.lazy(() =>
  z.object({
    contactId: z.string(),
    currency: z.string(),
    from: IsoDate,
    to: IsoDate,
    recipients: z.array(z.object({ personId: z.string(), email: z.string(), language: z.string() })),
  }),
);
