import { compareCodePoints } from '../compare.ts';
import { type DocumentKind, isPayable } from '../documents/kinds.ts';
import type { StoredDocument } from '../documents/schema.ts';
import type { DocumentEntryKind, LedgerEntry } from '../ledger/schema.ts';
import { type AgingBuckets, bucketOf } from './aging.ts';
import { addMinor } from './amounts.ts';
import { epochDay } from './dates.ts';

/** One open item of the receivables ledger: a document and what it still owed as of the report's date. */
export interface LedgerRow {
  contactId: string;
  documentId: string;
  documentKind: DocumentKind;
  number: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  daysPastDue: number;
  bucket: Exclude<keyof AgingBuckets, 'total'>;
  total: number;
  /** Paid, credited and given back, as of the date: `total − balance`. */
  paid: number;
  balance: number;
}

/** Sent invoices and retainer invoices that are not void and ask for money: what statements bill and the ledger lists. */
export const isBilled = (document: StoredDocument) => isPayable(document.kind) && document.status !== 'void' && document.total > 0;

function row(document: StoredDocument, issued: boolean, balance: number, asOf: string): LedgerRow {
  const dueDate = document.dueDate ?? document.issueDate;
  const daysPastDue = epochDay(asOf, 'asOf') - epochDay(dueDate, 'dueDate');
  const total = issued ? document.total : 0;
  return {
    contactId: document.contactId,
    documentId: document.id,
    documentKind: document.kind,
    number: document.number,
    currency: document.currency,
    issueDate: document.issueDate,
    dueDate,
    daysPastDue,
    bucket: bucketOf(daysPastDue),
    total,
    paid: total - balance,
    balance,
  };
}

/** The open items now: each open document with its balance, aged as of `asOf` (today or later). */
export const currentRow = (document: StoredDocument, asOf: string): LedgerRow => row(document, true, document.balance, asOf);

/**
 * A contact's open items as of a past date, from its documents and their
 * ledger entries by date: a document counts its total once issued on or
 * before `asOf`, less its entries dated on or before it. Exactly what the
 * contact's statement to that date sums to, document by document; void
 * documents are left out, as statements leave them. Sorted by document id.
 */
export function rowsAsOf(documents: readonly StoredDocument[], movements: readonly LedgerEntry<DocumentEntryKind>[], asOf: string): LedgerRow[] {
  const paidByDocument = new Map<string, number>();
  for (const movement of movements) {
    if (movement.docId === undefined || movement.date > asOf) continue;
    paidByDocument.set(movement.docId, addMinor(paidByDocument.get(movement.docId) ?? 0, movement.amount));
  }
  return documents
    .filter(isBilled)
    .map((document) => {
      const issued = document.issueDate <= asOf;
      return row(document, issued, (issued ? document.total : 0) - (paidByDocument.get(document.id) ?? 0), asOf);
    })
    .filter((candidate) => candidate.balance !== 0)
    .sort((a, b) => compareCodePoints(a.documentId, b.documentId));
}
