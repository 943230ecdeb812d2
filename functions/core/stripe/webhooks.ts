import Stripe from 'stripe';
import { BadRequest } from '../errors.ts';
import { stripeSecrets } from './secrets.ts';

/** How old a signature may be: stripe-node's default, which stops replays of captured deliveries. */
const TOLERANCE_SECONDS = 300;

/**
 * The event a webhook delivery carries, once its `Stripe-Signature` is checked
 * against the raw body (before any parsing) and the endpoint's secret. A
 * missing, wrong or stale signature is 400 INVALID_SIGNATURE.
 */
export async function verifyWebhookEvent(rawBody: string | Buffer, signature: string | undefined): Promise<Stripe.Event> {
  const { webhookSecret } = await stripeSecrets();
  try {
    return Stripe.webhooks.constructEvent(rawBody, signature ?? '', webhookSecret, TOLERANCE_SECONDS);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError)
      throw new BadRequest('INVALID_SIGNATURE', 'The Stripe signature is missing, wrong or too old.');
    throw error;
  }
}
