import type { CheckoutRecord, OpenCheckout } from './records.ts';

/**
 * Checkout Sessions one portal person may hold open at once. Starting one more
 * expires the oldest (at Stripe, from the consumer lane) rather than refusing:
 * a person is never kept from paying, and a dozen tabs left open cannot keep a
 * dozen payable sessions alive. Ten covers paying invoices one by one in a sitting.
 */
export const MAX_OPEN_CHECKOUTS_PER_PERSON = 10;

/** Which of two sessions was made first: by creation time, then by id (two made in the same millisecond). */
export const madeBefore = (a: OpenCheckout, b: OpenCheckout) => a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.sessionId < b.sessionId);

/** A session that can still take money as Portico last saw it: open, not completed at Stripe (a bank payment under way), not past Stripe's expiry. */
export const stillOpen = (record: CheckoutRecord, nowSeconds: number) =>
  record.status === 'open' && record.paymentStatus === undefined && record.sessionExpiresAt > nowSeconds;

/** Does the session pay one of the documents the other pays? */
export const paysAnyOf = (record: CheckoutRecord, other: CheckoutRecord) =>
  record.allocations.some((allocation) => other.allocations.some((mine) => mine.docId === allocation.docId));

/**
 * A person's open sessions once `started` joins them (it last), and the
 * sessions to expire because the person would hold more than `max` open: the
 * oldest of the others. The
 * listed sessions still open stay, except those `started` replaces: made
 * before it and paying one of its documents (the consumer lane expires those
 * for every person, so a document has one open session).
 */
export function withStarted(
  listed: readonly CheckoutRecord[],
  started: CheckoutRecord,
  nowSeconds: number,
  max = MAX_OPEN_CHECKOUTS_PER_PERSON,
): { open: OpenCheckout[]; expire: string[] } {
  const kept = listed
    .filter((record) => record.sessionId !== started.sessionId && stillOpen(record, nowSeconds))
    .filter((record) => !(madeBefore(record, started) && paysAnyOf(record, started)))
    .map(({ sessionId, createdAt }) => ({ sessionId, createdAt }))
    .sort((a, b) => (madeBefore(a, b) ? -1 : madeBefore(b, a) ? 1 : 0));
  // The session just handed out is never the one to go: the oldest of the others makes room for it.
  const over = Math.max(0, kept.length + 1 - max);
  const open = [...kept.slice(over), { sessionId: started.sessionId, createdAt: started.createdAt }];
  return { open, expire: kept.slice(0, over).map((checkout) => checkout.sessionId) };
}
