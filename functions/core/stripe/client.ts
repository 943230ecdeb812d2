import Stripe from 'stripe';
import { config } from '../config.ts';
import { STRIPE_RETRIES, STRIPE_TIMEOUT_MS } from '../time-budget.ts';
import { stripeSecrets } from './secrets.ts';

let client: Promise<Stripe> | undefined;

/** The platform's SDK client, created once per container; pointed at the local double when STRIPE_API_URL is set. */
export function stripeClient(): Promise<Stripe> {
  client ??= createClient().catch((error: unknown) => {
    client = undefined; // a failed key lookup is retried by the next call
    throw error;
  });
  return client;
}

async function createClient(): Promise<Stripe> {
  const { secretKey } = await stripeSecrets();
  const apiUrl = config('stripe').STRIPE_API_URL;
  const local = apiUrl ? new URL(apiUrl) : undefined;
  return new Stripe(secretKey, {
    ...(local && { host: local.hostname, port: local.port, protocol: local.protocol === 'http:' ? 'http' : 'https' }),
    // Retries reuse the SDK's idempotency key, so a retried create never creates twice; the SDK backs off with jitter between them.
    // Attempts and waits together fit inside the function's own timeout, so a slow Stripe is a clean 503, never a killed invocation.
    maxNetworkRetries: STRIPE_RETRIES,
    timeout: STRIPE_TIMEOUT_MS,
    telemetry: false,
    appInfo: { name: 'Portico' },
  });
}
