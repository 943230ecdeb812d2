import type Stripe from 'stripe';
import * as z from 'zod/mini';
import { DEFAULT_TIME_ZONE } from '../calendar.ts';
import { log } from '../log.ts';
import { count, type MetricName } from '../metrics.ts';
import { getOrganization } from '../orgs/repository.ts';
import { verifyWebhookEvent } from '../stripe/webhooks.ts';
import { accountUpdated } from './account-events.ts';
import { chargeRefunded, disputeChanged, refundChanged } from './charge-events.ts';
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
  'refund.created': refundChanged,
  'refund.updated': refundChanged,
  'charge.dispute.created': disputeChanged,
  'charge.dispute.updated': disputeChanged,
  'charge.dispute.closed': disputeChanged,
  'account.updated': accountUpdated,
};

/** The event types to enable on the Connect webhook endpoint (README). */
export const handledEventTypes = () => Object.keys(handlers);

export type EventOutcome = 'applied' | 'duplicate' | 'ignored';

/**
 * What every handler relies on: the event's id and the id of the object it is
 * about. Everything else is read from Stripe or from what Portico stored, so
 * an event missing other fields is still applied correctly.
 */
const HandledEvent = /* @__PURE__ */ z.lazy(() =>
  z.object({ id: z.string(), type: z.string(), data: z.object({ object: z.object({ id: z.string().check(z.minLength(1)) }) }) }),
);

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
  if (handle && !HandledEvent.safeParse(event).success) {
    // Signed by Stripe but not what Stripe sends: answering 5xx would only make Stripe retry it for days.
    log.error('Stripe event without the object it is about; acknowledged and ignored', fields);
    return 'ignored';
  }
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
  const organization = await getOrganization(link.orgId);
  await handle({ orgId: link.orgId, timeZone: organization?.timeZone ?? DEFAULT_TIME_ZONE, accountId: event.account, event });
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
