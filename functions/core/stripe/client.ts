import Stripe from 'stripe';
import { config } from '../config.ts';
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
    // Retries reuse the SDK's idempotency key, so a retried create never creates twice.
    maxNetworkRetries: 2,
    // Well inside API Gateway's 30 s, so a slow Stripe is a clean 503, not a gateway timeout.
    timeout: 10_000,
    telemetry: false,
    appInfo: { name: 'Portico' },
  });
}
