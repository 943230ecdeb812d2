/**
 * The ledger: every movement of money is an entry tied to what caused it.
 * Two kinds of account hold money: a document (what the contact paid toward
 * it) and a contact's credit in one currency. Amounts are signed minor units:
 * positive puts money on the account, negative takes it off. Balances are
 * sums of entries, kept beside them in the same transaction.
 */

/** What caused a movement: one id per source, so a source moves money once per account. */
export const entrySourceTypes = ['payment', 'stripe_payment_intent', 'stripe_refund', 'stripe_dispute', 'credit_note'] as const;
export type EntrySourceType = (typeof entrySourceTypes)[number];
export interface EntrySource {
  type: EntrySourceType;
  id: string;
}

/** Money on a document: paid offline, paid online, paid from credit, refunded, reversed by a lost dispute, or credited by a credit note. */
export const documentEntryKinds = ['payment', 'online_payment', 'credit_applied', 'refund', 'reversal', 'credit_note'] as const;
export type DocumentEntryKind = (typeof documentEntryKinds)[number];

/**
 * Money on a contact's credit: in from a retainer invoice, an excess payment or a credit note; out to an invoice, a refund,
 * a lost dispute, or a credit note voided while its credit was unspent.
 */
export const creditEntryKinds = ['retainer', 'excess', 'credit_note', 'applied', 'refunded', 'reversed', 'credit_note_voided'] as const;
export type CreditEntryKind = (typeof creditEntryKinds)[number];

/** Kinds that spend credit by choice: they never take it below zero. Taking money back (refunded, reversed) may, and the shortfall is owed. */
export const spendingCreditKinds: readonly CreditEntryKind[] = ['applied', 'credit_note_voided'];

/** A movement as its caller states it; the writer adds where it sits and when. */
export interface Movement<Kind extends string> {
  kind: Kind;
  source: EntrySource;
  /** Signed minor units, never 0. */
  amount: number;
  /** YYYY-MM-DD in the organization's calendar; today when absent. */
  date?: string;
  /** The number of the document that caused it when that is not the account's own (a credit note's): what a statement shows. */
  sourceNumber?: string;
}

export interface LedgerEntry<Kind extends DocumentEntryKind | CreditEntryKind = DocumentEntryKind | CreditEntryKind> {
  /** `<kind>:<source type>:<source id>` (and the document, for credit entries a document caused): unique per account. */
  id: string;
  orgId: string;
  contactId: string;
  currency: string;
  account: 'document' | 'credit';
  /** The document the money sat on (document entries) or came from / went to (credit entries). */
  docId?: string;
  documentNumber?: string;
  kind: Kind;
  source: EntrySource;
  amount: number;
  date: string;
  at: string;
  sourceNumber?: string;
}

export const entryId = (movement: Movement<string>, docId?: string) =>
  [movement.kind, movement.source.type, movement.source.id, ...(docId ? [docId] : [])].join(':');
