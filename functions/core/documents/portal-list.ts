import { compareCodePoints } from '../compare.ts';
import { BadRequest } from '../errors.ts';
import type { PortalListInput } from './schema.ts';
import type { portalDocumentView } from './view.ts';

type PortalDocumentView = ReturnType<typeof portalDocumentView>;

/**
 * A page of a contact's documents, filtered, searched and sorted in memory: a contact's sent documents are one
 * GSI2 partition read whole (as the statement reads it), which gives the count and the balances per currency too.
 * The cursor is the offset of the next page.
 */
export function portalListPage(views: PortalDocumentView[], query: PortalListInput) {
  const search = query.number?.toLowerCase();
  const matching = views
    .filter((view) => (query.kind === undefined || view.kind === query.kind) && (query.status === undefined || view.status === query.status))
    .filter((view) => search === undefined || view.number.toLowerCase().includes(search))
    .sort(query.sort === 'due' ? byDueDate : byNewest);
  const offset = offsetOf(query.cursor);
  const next = offset + query.limit;
  return {
    items: matching.slice(offset, next),
    nextCursor: next < matching.length ? Buffer.from(String(next)).toString('base64url') : null,
    total: matching.length,
    balances: balancesByCurrency(matching),
  };
}

const dueOf = (view: PortalDocumentView) => view.dueDate ?? view.expiryDate;
const byNewest = (a: PortalDocumentView, b: PortalDocumentView) => compareCodePoints(b.issueDate, a.issueDate) || compareCodePoints(b.number, a.number);
function byDueDate(a: PortalDocumentView, b: PortalDocumentView) {
  const [left, right] = [dueOf(a), dueOf(b)];
  if (left === right) return byNewest(a, b);
  if (left === undefined) return 1;
  if (right === undefined) return -1;
  return compareCodePoints(left, right);
}

function offsetOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const offset = Number(Buffer.from(cursor, 'base64url').toString());
  if (!Number.isSafeInteger(offset) || offset < 0) throw new BadRequest('INVALID_CURSOR', 'The cursor is not one this list returned.');
  return offset;
}

/** Estimates owe nothing: only invoices and retainer invoices count. */
function balancesByCurrency(views: PortalDocumentView[]) {
  const sums = new Map<string, number>();
  for (const view of views) if (view.kind !== 'estimate') sums.set(view.currency, (sums.get(view.currency) ?? 0) + view.balance);
  return [...sums].sort(([a], [b]) => compareCodePoints(a, b)).map(([currency, balance]) => ({ currency, balance }));
}
