import { config } from '../config.ts';

export interface StripeSecrets {
  /** The platform's secret (or restricted) key: every call, on every connected account, is made with it. */
  secretKey: string;
  /** The Connect webhook endpoint's signing secret. */
  webhookSecret: string;
}

/**
 * The platform's Stripe keys, the one place they are read. Locally (and for
 * now everywhere) from the environment; in AWS they will come from Secrets
 * Manager, which is why this is async. Never logged.
 */
export async function stripeSecrets(): Promise<StripeSecrets> {
  const { STRIPE_SECRET_KEY: secretKey, STRIPE_WEBHOOK_SECRET: webhookSecret } = config('stripe');
  if (!secretKey || !webhookSecret) throw new Error('The Stripe platform keys are not configured.');
  return { secretKey, webhookSecret };
}
