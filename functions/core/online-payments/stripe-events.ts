import type Stripe from 'stripe';
import { log } from '../log.ts';
import { count, type MetricName } from '../metrics.ts';
import { verifyWebhookEvent } from '../stripe/webhooks.ts';
import { accountUpdated } from './account-events.ts';
import { chargeRefunded, disputeClosed, disputeCreated } from './charge-events.ts';
import { checkoutCompleted, checkoutExpired, checkoutPaymentFailed, checkoutPaymentSucceeded } from './checkout-events.ts';
import type { StripeEventContext } from './context.ts';
import { getAccountLink, isEventApplied } from './repository.ts';

/** One domain function per event type Portico's Connect endpoint listens to. */
const handlers: Readonly<Record<string, (context: StripeEventContext) => Promise<void>>> = {
  'checkout.session.completed': checkoutCompleted,
  'checkout.session.async_payment_succeeded': checkoutPaymentSucceeded,
  'checkout.session.async_payment_failed': checkoutPaymentFailed,
  'checkout.session.expired': checkoutExpired,
  'charge.refunded': chargeRefunded,
  'charge.dispute.created': disputeCreated,
  'charge.dispute.closed': disputeClosed,
  'account.updated': accountUpdated,
};

/** The event types to enable on the Connect webhook endpoint (README). */
export const handledEventTypes = () => Object.keys(handlers);

export type EventOutcome = 'applied' | 'duplicate' | 'ignored';

/**
 * Applies one Stripe event, from a webhook delivery or from reconciliation.
 * Its organization comes only from its connected account's link; an event
 * with no account, an unknown account or an unhandled type is ignored (and
 * answered 2xx, so Stripe stops sending it). Duplicates are found by event id;
 * the handlers' conditional writes make concurrent copies harmless too.
 */
export async function applyStripeEvent(event: Stripe.Event): Promise<EventOutcome> {
  const handle = handlers[event.type];
  const fields = { eventId: event.id, eventType: event.type };
  if (!handle) {
    log.info('Stripe event of a type Portico does not handle; ignored', fields);
    return 'ignored';
  }
  const link = event.account ? await getAccountLink(event.account) : undefined;
  if (!event.account || !link) {
    log.warn('Stripe event from no or an unknown connected account; ignored', { ...fields, accountId: event.account });
    return 'ignored';
  }
  log.bind({ orgId: link.orgId });
  if (await isEventApplied(link.orgId, event.id)) return 'duplicate';
  await handle({ orgId: link.orgId, accountId: event.account, event });
  return 'applied';
}

/** A webhook delivery: checked against its signature over the exact bytes Stripe sent, then applied. */
export async function receiveStripeWebhook(rawBody: Buffer | undefined, signature: string | undefined): Promise<{ received: true; outcome: EventOutcome }> {
  const event = await verifyWebhookEvent(rawBody ?? '', signature).catch((error: unknown) => {
    count('WebhookEventsRejected');
    throw error;
  });
  const outcome = await applyStripeEvent(event).catch((error: unknown) => {
    count('WebhookEventsFailed');
    throw error;
  });
  count(outcomeMetrics[outcome]);
  return { received: true, outcome };
}

const outcomeMetrics = { applied: 'WebhookEventsApplied', duplicate: 'WebhookEventsDuplicate', ignored: 'WebhookEventsIgnored' } as const satisfies Record<
  EventOutcome,
  MetricName
>;
