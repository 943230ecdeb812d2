import type Stripe from 'stripe';
import { callStripe } from './call.ts';

/**
 * One page of a connected account's events, newest first (Stripe keeps 30
 * days): what a reconciliation job reads to catch up on webhooks that never
 * arrived. `type` may end in `*` (`checkout.session.*`).
 */
export async function listAccountEvents(
  accountId: string,
  filter: { createdFrom?: Date; type?: string; limit?: number; startingAfter?: string } = {},
): Promise<{ events: Stripe.Event[]; hasMore: boolean }> {
  const page = await callStripe((stripe) =>
    stripe.events.list(
      {
        ...(filter.createdFrom && { created: { gte: Math.floor(filter.createdFrom.getTime() / 1000) } }),
        ...(filter.type && { type: filter.type }),
        ...(filter.limit && { limit: filter.limit }),
        ...(filter.startingAfter && { starting_after: filter.startingAfter }),
      },
      { stripeAccount: accountId },
    ),
  );
  return { events: page.data, hasMore: page.has_more };
}
