import { compareCodePoints as compare } from '../compare.ts';
import { type AgingReport, bucketOf, type ContactAging, type CurrencyAging, emptyBuckets } from './aging.ts';
import { addMinor } from './amounts.ts';
import { epochDay } from './dates.ts';
import type { OpenAmount } from './open-amount.ts';

/**
 * The receivables aggregates: open balances summed per currency and due date,
 * for the organization and for each contact, one item per due month holding a
 * number per due day (`d01`–`d31`) and their `total`. Aging buckets move with
 * time, so nothing is stored by bucket: the report rolls the due days into
 * buckets as of the date asked, from a number of items that grows with
 * contacts and months, never with invoices.
 */
export interface AggregateScope {
  currency: string;
  /** YYYY-MM */
  month: string;
  /** Absent for the organization's own total. */
  contactId?: string;
}

/** What one change adds to one aggregate item: amounts per due-day attribute, and to its total. */
export interface AggregateDelta extends AggregateScope {
  days: Record<string, number>;
  total: number;
}

export interface AggregateItem extends AggregateScope {
  days: Record<string, number>;
}

export const dayAttribute = (date: string) => `d${date.slice(8, 10)}`;
const DAY_ATTRIBUTE = /^d(0[1-9]|[12]\d|3[01])$/;

/** What one document puts into the aggregates: its open amount, for its contact and in its currency. */
export interface OpenShare extends OpenAmount {
  contactId: string;
  currency: string;
}

/** A document's share going from what it had put in to what it now puts in (`null`: nothing). */
export interface ShareMove {
  before: OpenShare | null;
  after: OpenShare | null;
}

/**
 * The additions some moves make, one per item they touch (a transaction
 * writes an item once): each old share taken off and each new one put on, for
 * the organization and for the contact. Nothing where they cancel out.
 */
export function aggregateDeltas(moves: readonly ShareMove[]): AggregateDelta[] {
  const deltas = new Map<string, AggregateDelta>();
  const add = (share: OpenShare, sign: 1 | -1) => {
    for (const contactId of [undefined, share.contactId]) {
      const scope: AggregateScope = { currency: share.currency, month: share.dueDate.slice(0, 7), ...(contactId === undefined ? {} : { contactId }) };
      const key = JSON.stringify([scope.contactId ?? null, scope.currency, scope.month]);
      const delta = deltas.get(key) ?? { ...scope, days: {}, total: 0 };
      const day = dayAttribute(share.dueDate);
      delta.days[day] = (delta.days[day] ?? 0) + sign * share.balance;
      delta.total += sign * share.balance;
      deltas.set(key, delta);
    }
  };
  for (const move of moves) {
    if (move.before) add(move.before, -1);
    if (move.after) add(move.after, 1);
  }
  return [...deltas.values()]
    .map((delta) => ({ ...delta, days: Object.fromEntries(Object.entries(delta.days).filter(([, amount]) => amount !== 0)) }))
    .filter((delta) => Object.keys(delta.days).length > 0);
}

/** The due days of an item as stored: `d07 → 1200` of `2026-03` is 1200 due on 2026-03-07. */
export function itemDays(item: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(item).filter(([name, value]) => DAY_ATTRIBUTE.test(name) && typeof value === 'number' && value !== 0)) as Record<
    string,
    number
  >;
}

/**
 * The aging report from the aggregates, as of a date: each contact item's due
 * days rolled into buckets for its row, each organization item's into the
 * currency's total. An item's month is read as a date once and each of its
 * days is an offset from it, so the work grows with items, not with how many
 * of their days hold a balance.
 */
export function ageAggregates(items: readonly AggregateItem[], asOf: string): AgingReport {
  const today = epochDay(asOf, 'asOf');
  const contacts = new Map<string, ContactAging>();
  const totals = new Map<string, CurrencyAging>();
  for (const item of items) {
    const monthStart = epochDay(`${item.month}-01`, 'month') - 1;
    const row = item.contactId === undefined ? totalRow(totals, item.currency) : contactRow(contacts, item.contactId, item.currency);
    for (const [day, balance] of Object.entries(item.days)) {
      const bucket = bucketOf(today - (monthStart + Number(day.slice(1))));
      row[bucket] = addMinor(row[bucket], balance);
      row.total = addMinor(row.total, balance);
    }
  }
  return {
    asOf,
    contacts: [...contacts.values()].sort((a, b) => compare(a.contactId, b.contactId) || compare(a.currency, b.currency)),
    totals: [...totals.values()].sort((a, b) => compare(a.currency, b.currency)),
  };
}

function contactRow(rows: Map<string, ContactAging>, contactId: string, currency: string): ContactAging {
  // JSON keeps the pair unambiguous whatever characters the ids contain.
  const key = JSON.stringify([contactId, currency]);
  const row = rows.get(key) ?? { contactId, currency, ...emptyBuckets() };
  rows.set(key, row);
  return row;
}

function totalRow(rows: Map<string, CurrencyAging>, currency: string): CurrencyAging {
  const row = rows.get(currency) ?? { currency, ...emptyBuckets() };
  rows.set(currency, row);
  return row;
}
