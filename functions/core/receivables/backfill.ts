import { openReceivablesPage } from '../documents/repository.ts';
import { applyShares, clearAggregates, type DocumentShare } from './aggregate-repository.ts';
import { openAmountOf } from './open-amount.ts';

/** Documents read and brought into the aggregates at a time: one read of the open receivables, one transaction or a few. */
const DOCUMENTS_PER_STEP = 40;

export interface BackfillResult {
  /** Aggregate items and shares deleted first (`reset`). */
  cleared: number;
  /** Open documents read. */
  documents: number;
  /** Shares written: documents whose share was missing or older than the document. */
  moved: number;
}

/**
 * Builds an organization's receivables aggregates from its open documents
 * (GSI3), once for organizations whose documents predate them: each document's
 * share is brought up to its current version exactly as its next event would,
 * so a document the consumer lane has already counted at that version (or a
 * newer one) is left alone. Safe to run again and beside the lane; a second
 * run writes nothing. A closed document's share is the lane's to take off.
 *
 * `reset` deletes the organization's aggregates and shares first, for
 * aggregates in doubt (written before shares were kept): a change committed
 * while the delete runs can be lost, so it is for a quiet moment; the rebuild
 * after it is safe at any time.
 */
export async function backfillAggregates(orgId: string, options: { reset?: boolean } = {}): Promise<BackfillResult> {
  const result: BackfillResult = { cleared: options.reset ? await clearAggregates(orgId) : 0, documents: 0, moved: 0 };
  let after: { contactId: string; docId: string } | undefined;
  for (;;) {
    const page = await openReceivablesPage(orgId, DOCUMENTS_PER_STEP, after);
    const shares = page.items.map((document): DocumentShare => {
      const open = openAmountOf(document);
      return { docId: document.id, version: document.version, open: open && { contactId: document.contactId, currency: document.currency, ...open } };
    });
    result.documents += shares.length;
    result.moved += await applyShares(orgId, shares);
    const last = page.items.at(-1);
    if (!page.more || !last) return result;
    after = { contactId: last.contactId, docId: last.id };
  }
}
