import { Unprocessable } from '../errors.ts';
import { addMinor, minorAmount } from './amounts.ts';
import { compareCodePoints } from './compare.ts';
import { epochDay } from './dates.ts';

/**
 * Documents are what a contact is billed or credited with; movements are money
 * changing hands. On the same date documents come first, so a payment made the
 * day it was invoiced follows its invoice.
 */
export type StatementDocumentType = 'invoice' | 'retainer-invoice' | 'credit-note';
export type StatementMovementType = 'payment' | 'credit' | 'refund' | 'reversal';
export type StatementEntryType = StatementDocumentType | StatementMovementType;
export type StatementEffect = 'debit' | 'credit';

/**
 * One posting on the contact's account, all in the statement's currency.
 * `debit` raises what the contact owes (invoice, retainer invoice, refund paid
 * out to them, a payment reversed by a lost dispute); `credit` lowers it (payment received, credit applied, credit note).
 */
export interface StatementEntry {
  /** YYYY-MM-DD */
  date: string;
  type: StatementEntryType;
  /** Document or payment number shown on the statement. */
  reference: string;
  /** Integer minor units, > 0; the direction comes from `effect`. */
  amount: number;
  effect: StatementEffect;
}

/** Entries may span any dates: those before `from` form the opening balance, those after `to` are left out. */
export interface StatementInput {
  currency: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive. */
  to: string;
  entries: readonly StatementEntry[];
}

export interface StatementLine {
  date: string;
  type: StatementEntryType;
  reference: string;
  debit: number;
  credit: number;
  /** Running balance after this line; positive means the contact owes. */
  balance: number;
}

export interface Statement {
  currency: string;
  from: string;
  to: string;
  openingBalance: number;
  /** By date, then documents before movements, then reference, then input order. */
  lines: StatementLine[];
  totals: { debits: number; credits: number };
  closingBalance: number;
}

const TYPE_ORDER: Record<StatementEntryType, number> = {
  invoice: 0,
  'retainer-invoice': 0,
  'credit-note': 0,
  payment: 1,
  credit: 1,
  refund: 1,
  reversal: 1,
};

export function buildStatement(input: StatementInput): Statement {
  const from = epochDay(input.from, 'from');
  const to = epochDay(input.to, 'to');
  if (from > to) throw new Unprocessable('INVALID_RANGE', '`from` must not be after `to`.', { field: 'from' });

  const entries = input.entries.map((entry, index) => {
    const context = { entry: index };
    return {
      ...entry,
      day: epochDay(entry.date, 'date', context),
      amount: minorAmount(entry.amount, 1, 'amount', context),
    };
  });

  let openingBalance = 0;
  for (const entry of entries.filter((candidate) => candidate.day < from)) {
    openingBalance = addMinor(openingBalance, signed(entry));
  }

  const inPeriod = entries
    .filter((entry) => entry.day >= from && entry.day <= to)
    .sort((a, b) => a.day - b.day || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || compareCodePoints(a.reference, b.reference));

  let balance = openingBalance;
  const totals = { debits: 0, credits: 0 };
  const lines = inPeriod.map((entry): StatementLine => {
    balance = addMinor(balance, signed(entry));
    const debit = entry.effect === 'debit' ? entry.amount : 0;
    const credit = entry.effect === 'credit' ? entry.amount : 0;
    totals.debits = addMinor(totals.debits, debit);
    totals.credits = addMinor(totals.credits, credit);
    return { date: entry.date, type: entry.type, reference: entry.reference, debit, credit, balance };
  });

  return { currency: input.currency, from: input.from, to: input.to, openingBalance, lines, totals, closingBalance: balance };
}

function signed(entry: Pick<StatementEntry, 'amount' | 'effect'>): number {
  return entry.effect === 'debit' ? entry.amount : -entry.amount;
}
