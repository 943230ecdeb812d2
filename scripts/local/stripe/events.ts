import Stripe from 'stripe';
import type { Deliveries } from './deliveries.ts';
import { stripeId, unixNow } from './ids.ts';
import type { Owner, StripeEvent, StripeObject } from './objects.ts';
import type { Store } from './store.ts';

/** Records an event (listed by `GET /v1/events` whatever happens to its delivery) and hands it to the deliveries. */
export class Events {
  constructor(
    private readonly store: Store,
    private readonly deliveries: Deliveries,
  ) {}

  emit(owner: Owner, type: string, object: StripeObject, previousAttributes?: Record<string, unknown>): StripeEvent {
    const event = this.store.put<StripeEvent>(owner, {
      id: stripeId('evt'),
      object: 'event',
      ...(owner ? { account: owner } : {}),
      api_version: Stripe.API_VERSION,
      created: unixNow(),
      // A snapshot: later changes to the object are later events.
      data: { object: structuredClone(object), ...(previousAttributes ? { previous_attributes: previousAttributes } : {}) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    });
    this.deliveries.dispatch(event);
    return event;
  }
}
