import { transact } from '../db/transact.ts';
import { StaleWrite } from '../errors.ts';
import { log } from '../log.ts';
import type { EffectsOf } from '../outbox/consumer.ts';
import type { OutboxEvent } from '../outbox/events.ts';
import { once } from '../outbox/once.ts';
import { expireCheckoutSession } from '../stripe/checkout.ts';
import { madeBefore, paysAnyOf } from './open-checkouts.ts';
import type { CheckoutRecord } from './records.ts';
import { checkoutStatusStep, getCheckoutRecord, getCheckoutRecords, listDocumentCheckouts } from './repository.ts';

/**
 * Ends the document's open Checkout Sessions at Stripe and marks them expired,
 * once per event and session. A session Stripe reports complete was paid a
 * moment ago: it is left for the webhook to apply (and any excess to become
 * credit), never marked expired here.
 */
async function expireOpenCheckouts(event: OutboxEvent, docId: string) {
  const checkouts = await listDocumentCheckouts(event.orgId, docId);
  const records = await getCheckoutRecords(
    event.orgId,
    checkouts.map((checkout) => checkout.sessionId),
  );
  for (const record of records.filter((candidate) => candidate.status === 'open')) {
    await once(event, 'expire-checkout', record.sessionId, () => expireCheckout(record));
  }
}

/** Ends one open session at Stripe and marks it expired; one Stripe reports complete is left for the webhook. */
export async function expireCheckout(record: CheckoutRecord): Promise<void> {
  const session = await expireCheckoutSession(record.accountId, record.sessionId);
  if (session.status !== 'expired') {
    log.info('checkout not expired', { orgId: record.orgId, sessionId: record.sessionId, status: session.status });
    return;
  }
  try {
    await transact([checkoutStatusStep(record, 'expired')]);
  } catch (error) {
    // The webhook's `checkout.session.expired` marked it first.
    if (!(error instanceof StaleWrite)) throw error;
  }
}

/**
 * What a new session replaces, expired once per event and session: the open
 * sessions made before it that pay one of its documents (whoever started them:
 * a document keeps one open session), and the person's oldest beyond their
 * limit (`expire`, counted when it was stored). Read when the event is
 * applied, so two sessions started at once for one document leave the newer.
 */
async function expireReplaced(event: OutboxEvent<'checkout.started'>) {
  const started = await getCheckoutRecord(event.orgId, event.data.sessionId);
  if (!started) return;
  const known = await Promise.all(started.allocations.map((allocation) => listDocumentCheckouts(event.orgId, allocation.docId)));
  const sessionIds = new Set([...known.flat().map((checkout) => checkout.sessionId), ...event.data.expire]);
  sessionIds.delete(started.sessionId);
  const records = await getCheckoutRecords(event.orgId, [...sessionIds]);
  const replaced = records.filter(
    (record) =>
      record.status === 'open' &&
      record.paymentStatus === undefined &&
      (event.data.expire.includes(record.sessionId) || (madeBefore(record, started) && paysAnyOf(record, started))),
  );
  for (const record of replaced) await once(event, 'expire-checkout', record.sessionId, () => expireCheckout(record));
}

/** What the checkout-expiry consumer does: a document paid in full or voided can no longer be paid online; a new session ends those it replaces. */
export const checkoutExpiryEffects: EffectsOf<'checkoutExpiry'> = {
  'payment.received': async (event) => {
    if (event.data.balance === 0) await expireOpenCheckouts(event, event.data.docId);
  },
  'document.voided': (event) => expireOpenCheckouts(event, event.data.docId),
  'checkout.started': expireReplaced,
};
