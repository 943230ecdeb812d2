import * as z from 'zod/mini';
import { IsoDate, Money } from '../shapes.ts';

/** Balances by days past due: current is not yet due or due that day. */
const CurrencyAging = z.object({
  currency: z.string(),
  current: Money,
  days1to30: Money,
  days31to60: Money,
  days61to90: Money,
  days90plus: Money,
  total: Money,
});

/** One row per contact and currency and one total per currency: currencies are never added together. */
export const AgingReport = z.object({
  asOf: IsoDate,
  contacts: z.array(z.extend(CurrencyAging, { contactId: z.string() })),
  totals: z.array(CurrencyAging),
});

/** A contact's statement of account in one currency, with the aging of its closing balance; the same for staff and portal. */
export const Statement = z.object({
  contact: z.object({ id: z.string(), name: z.string() }),
  currency: z.string(),
  from: IsoDate,
  to: IsoDate,
  openingBalance: Money,
  lines: z.array(
    z.object({
      date: IsoDate,
      type: z.enum(['invoice', 'retainer-invoice', 'credit-note', 'payment', 'credit', 'refund', 'reversal']),
      reference: z.string(),
      debit: Money,
      credit: Money,
      /** Running balance after this line; positive means the contact owes. */
      balance: Money,
    }),
  ),
  totals: z.object({ debits: Money, credits: Money }),
  closingBalance: Money,
  aging: CurrencyAging,
});
