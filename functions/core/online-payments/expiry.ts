import { transact } from '../db/transact.ts';
import { StaleWrite } from '../errors.ts';
import { log } from '../log.ts';
import type { EffectsOf } from '../outbox/consumer.ts';
import type { OutboxEvent } from '../outbox/events.ts';
import { once } from '../outbox/once.ts';
import { expireCheckoutSession } from '../stripe/checkout.ts';
import type { CheckoutRecord } from './records.ts';
import { checkoutStatusStep, getCheckoutRecords, listDocumentCheckouts } from './repository.ts';

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

/** What the checkout-expiry consumer does: a document paid in full or voided can no longer be paid online. */
export const checkoutExpiryEffects: EffectsOf<'checkoutExpiry'> = {
  'payment.received': async (event) => {
    if (event.data.balance === 0) await expireOpenCheckouts(event, event.data.docId);
  },
  'document.voided': (event) => expireOpenCheckouts(event, event.data.docId),
};
