import { compareCodePoints } from '../compare.ts';
import type { DocumentKind } from '../documents/kinds.ts';
import { BadRequest, Unprocessable } from '../errors.ts';
import { addMinor, minorAmount } from './amounts.ts';
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
  /** Unique among the statement's entries: the document's or the ledger entry's id. */
  id: string;
  /** YYYY-MM-DD */
  date: string;
  /** When it was recorded (ISO instant): orders entries of one date and kind as they happened. */
  at: string;
  type: StatementEntryType;
  /** Document or payment number shown on the statement. */
  reference: string;
  /** The document the line is, or the document the money moved on: what a client links to. */
  document?: { id: string; kind: DocumentKind };
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
  documentId?: string;
  documentKind?: DocumentKind;
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
  /** By date, then documents before movements, then the time each was recorded, then id: the same order on every read. */
  lines: StatementLine[];
  totals: { debits: number; credits: number };
  closingBalance: number;
}

/** One page of a statement: its lines, the balance brought forward to its first line, and where the next page starts. */
export interface StatementPage extends Statement {
  broughtForward: number;
  nextCursor: string | null;
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

type Posting = StatementEntry & { day: number };

/** The total order of a statement's lines: a line's place never depends on which other lines were read. */
function comparePostings(a: Posting, b: Posting): number {
  return a.day - b.day || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || compareCodePoints(a.at, b.at) || compareCodePoints(a.id, b.id);
}

export function buildStatement(input: StatementInput): Statement {
  const { broughtForward: _, nextCursor: __, ...statement } = buildStatementPage(input, { limit: Number.POSITIVE_INFINITY });
  return statement;
}

/**
 * A page of the statement: up to `limit` lines after the line `cursor` names.
 * Totals, opening and closing balances are the whole period's on every page;
 * each line's running balance, and the page's `broughtForward`, are the same
 * as on one long statement.
 */
export function buildStatementPage(input: StatementInput, page: { limit: number; cursor?: string }): StatementPage {
  const from = epochDay(input.from, 'from');
  const to = epochDay(input.to, 'to');
  if (from > to) throw new Unprocessable('INVALID_RANGE', '`from` must not be after `to`.', { field: 'from' });

  const postings = input.entries.map((entry, index): Posting => {
    const context = { entry: index };
    return { ...entry, day: epochDay(entry.date, 'date', context), amount: minorAmount(entry.amount, 1, 'amount', context) };
  });

  let openingBalance = 0;
  for (const posting of postings.filter((candidate) => candidate.day < from)) {
    openingBalance = addMinor(openingBalance, signed(posting));
  }

  const inPeriod = postings.filter((posting) => posting.day >= from && posting.day <= to).sort(comparePostings);
  const after = page.cursor === undefined ? undefined : decodeStatementCursor(page.cursor, input);

  let balance = openingBalance;
  let broughtForward = openingBalance;
  const totals = { debits: 0, credits: 0 };
  const lines: StatementLine[] = [];
  let last: Posting | undefined;
  let more = false;
  for (const posting of inPeriod) {
    const debit = posting.effect === 'debit' ? posting.amount : 0;
    const credit = posting.effect === 'credit' ? posting.amount : 0;
    totals.debits = addMinor(totals.debits, debit);
    totals.credits = addMinor(totals.credits, credit);
    const before = balance;
    balance = addMinor(balance, signed(posting));
    if (after && comparePostings(posting, after) <= 0) continue;
    if (lines.length >= page.limit) {
      more = true;
      continue;
    }
    if (lines.length === 0) broughtForward = before;
    lines.push(lineOf(posting, debit, credit, balance));
    last = posting;
  }
  if (lines.length === 0) broughtForward = balance;

  return {
    currency: input.currency,
    from: input.from,
    to: input.to,
    openingBalance,
    broughtForward,
    lines,
    totals,
    closingBalance: balance,
    nextCursor: more && last ? encodeStatementCursor(last, input) : null,
  };
}

function lineOf(posting: Posting, debit: number, credit: number, balance: number): StatementLine {
  const document = posting.document ? { documentId: posting.document.id, documentKind: posting.document.kind } : {};
  return { date: posting.date, type: posting.type, reference: posting.reference, ...document, debit, credit, balance };
}

function signed(entry: Pick<StatementEntry, 'amount' | 'effect'>): number {
  return entry.effect === 'debit' ? entry.amount : -entry.amount;
}

/**
 * A cursor names the last line of a page by its place in the order, and the
 * statement it came from (currency and period): it is only good for that one.
 */
function encodeStatementCursor(last: Posting, input: StatementInput): string {
  return Buffer.from(JSON.stringify([input.currency, input.from, input.to, last.date, TYPE_ORDER[last.type], last.at, last.id])).toString('base64url');
}

function decodeStatementCursor(cursor: string, input: StatementInput): Posting {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const fields = Array.isArray(parsed) && parsed.length === 7 ? parsed : [];
  const [currency, from, to, date, group, at, id] = fields as unknown[];
  const valid =
    currency === input.currency &&
    from === input.from &&
    to === input.to &&
    typeof date === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(date) &&
    (group === 0 || group === 1) &&
    typeof at === 'string' &&
    typeof id === 'string';
  const day = valid ? dayOrUndefined(date as string) : undefined;
  if (day === undefined) throw new BadRequest('INVALID_CURSOR', 'The cursor is not one this statement returned.');
  return {
    id: id as string,
    at: at as string,
    date: date as string,
    day,
    type: group === 0 ? 'invoice' : 'payment',
    reference: '',
    amount: 1,
    effect: 'debit',
  };
}

function dayOrUndefined(date: string): number | undefined {
  try {
    return epochDay(date, 'cursor');
  } catch {
    return undefined;
  }
}
