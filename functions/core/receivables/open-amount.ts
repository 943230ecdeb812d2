import { isPayable } from '../documents/kinds.ts';
import type { StoredDocument } from '../documents/schema.ts';

/** What an open document adds to receivables: its balance, due on its due date (its issue date when it has none). */
export interface OpenAmount {
  /** YYYY-MM-DD */
  dueDate: string;
  /** Integer minor units, > 0. */
  balance: number;
}

/** A sent, unvoided invoice or retainer invoice with a balance is open: what GSI3 lists and the aggregates sum. */
export function isOpenReceivable(document: StoredDocument): boolean {
  return document.status !== 'draft' && isPayable(document.kind) && document.status !== 'void' && document.balance > 0;
}

export function openAmountOf(document: StoredDocument | undefined): OpenAmount | null {
  if (!document || !isOpenReceivable(document)) return null;
  return { dueDate: document.dueDate ?? document.issueDate, balance: document.balance };
}

/** What a change of a document does to receivables, or nothing when its open amount stays the same. */
export interface ReceivableChange {
  docId: string;
  /** The document's version after the change: the aggregates keep the newest they were given. */
  version: number;
  contactId: string;
  currency: string;
  before: OpenAmount | null;
  after: OpenAmount | null;
}

export function receivableChange(current: StoredDocument | undefined, next: StoredDocument): ReceivableChange | undefined {
  const before = openAmountOf(current);
  const after = openAmountOf(next);
  if (before?.dueDate === after?.dueDate && before?.balance === after?.balance) return undefined;
  return { docId: next.id, version: next.version, contactId: next.contactId, currency: next.currency, before, after };
}
