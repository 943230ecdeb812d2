import Stripe from 'stripe';
import { Conflict, type DomainError, Unprocessable, UpstreamUnavailable } from '../errors.ts';
import { stripeClient } from './client.ts';

/** Per call: what a Stripe error code means for that call's caller (`resource_missing` on a retrieve, `amount_too_small` on a checkout…). */
export type StripeErrorMeanings = Partial<Record<string, () => DomainError>>;

/**
 * Makes one Stripe call and turns Stripe's refusals into domain errors, so SDK
 * errors never reach callers: the call's own meanings first, then those that
 * hold for every call. Anything else (invalid parameters, a bad key) is a bug
 * in Portico and stays a fault: a 500 without internals.
 */
export async function callStripe<T>(call: (stripe: Stripe) => Promise<T>, meanings: StripeErrorMeanings = {}): Promise<T> {
  const stripe = await stripeClient();
  try {
    return await call(stripe);
  } catch (error) {
    throw translate(error, meanings);
  }
}

function translate(error: unknown, meanings: StripeErrorMeanings): unknown {
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  const meaning = error.code === undefined ? undefined : meanings[error.code];
  if (meaning) return meaning();
  if (error.code === 'account_invalid') {
    return new Unprocessable('STRIPE_ACCOUNT_UNAVAILABLE', 'The organization’s Stripe account is no longer connected to Portico; connect it again.');
  }
  if (error instanceof Stripe.errors.StripeIdempotencyError) {
    return new Conflict('IDEMPOTENCY_KEY_REUSED', 'This request repeats an earlier one with different details; send it with a new idempotency key.');
  }
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError
  ) {
    return new UpstreamUnavailable('Stripe');
  }
  return error;
}
