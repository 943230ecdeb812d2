import { compareCodePoints as compare } from '../compare.ts';
import { addMinor, minorAmount } from './amounts.ts';
import { epochDay } from './dates.ts';

export interface OpenInvoice {
  id: string;
  contactId: string;
  currency: string;
  /** YYYY-MM-DD */
  dueDate: string;
  /** Amount still owed, integer minor units >= 0. */
  balance: number;
}

/**
 * Balances by days past due as of the report date: `current` is not yet due
 * or due that day (0 days), then 1–30, 31–60, 61–90 and 91 or more days.
 */
export interface AgingBuckets {
  current: number;
  days1to30: number;
  days31to60: number;
  days61to90: number;
  days90plus: number;
  total: number;
}

export interface ContactAging extends AgingBuckets {
  contactId: string;
  currency: string;
}

export interface CurrencyAging extends AgingBuckets {
  currency: string;
}

/** One row per contact and currency, and one total per currency: currencies are never added together. */
export interface AgingReport {
  asOf: string;
  /** Sorted by contactId, then currency. */
  contacts: ContactAging[];
  /** Sorted by currency. */
  totals: CurrencyAging[];
}

type Bucket = Exclude<keyof AgingBuckets, 'total'>;

export function ageReceivables(invoices: readonly OpenInvoice[], asOf: string): AgingReport {
  return ageBalances(
    invoices.map((invoice) => ({ ...invoice, balance: minorAmount(invoice.balance, 0, 'balance', { invoiceId: invoice.id }) })),
    asOf,
  );
}

/** An amount due on a date, for one contact and currency: an invoice's balance, or the sum the aggregates keep (signed while they catch up). */
export type DueBalance = Pick<OpenInvoice, 'contactId' | 'currency' | 'dueDate' | 'balance'>;

/** Rolls balances into buckets by days past due as of `asOf`, per contact and currency, and per currency. */
export function ageBalances(balances: readonly DueBalance[], asOf: string): AgingReport {
  const today = epochDay(asOf, 'asOf');
  const contacts = new Map<string, ContactAging>();
  const totals = new Map<string, CurrencyAging>();

  for (const due of balances) {
    const bucket = bucketOf(today - epochDay(due.dueDate, 'dueDate'));
    // JSON keeps the pair unambiguous whatever characters the ids contain.
    const contactKey = JSON.stringify([due.contactId, due.currency]);
    const contactRow = contacts.get(contactKey) ?? { contactId: due.contactId, currency: due.currency, ...emptyBuckets() };
    const totalRow = totals.get(due.currency) ?? { currency: due.currency, ...emptyBuckets() };
    for (const row of [contactRow, totalRow]) {
      row[bucket] = addMinor(row[bucket], due.balance);
      row.total = addMinor(row.total, due.balance);
    }
    contacts.set(contactKey, contactRow);
    totals.set(due.currency, totalRow);
  }

  return {
    asOf,
    contacts: [...contacts.values()].sort((a, b) => compare(a.contactId, b.contactId) || compare(a.currency, b.currency)),
    totals: [...totals.values()].sort((a, b) => compare(a.currency, b.currency)),
  };
}

export function bucketOf(daysPastDue: number): Bucket {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return 'days1to30';
  if (daysPastDue <= 60) return 'days31to60';
  if (daysPastDue <= 90) return 'days61to90';
  return 'days90plus';
}

export function emptyBuckets(): AgingBuckets {
  return { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, days90plus: 0, total: 0 };
}
