import { createServer } from 'node:http';
import Stripe from 'stripe';
import type { Delivery } from '../../scripts/local/stripe/deliveries.ts';
import { local } from './local.ts';

/** The real SDK, as the platform, pointed at the runtime's Stripe double. */
export function platformStripe(): Stripe {
  const { hostname, port } = new URL(local().stripe.apiUrl);
  return new Stripe('sk_test_portico_tests', { host: hostname, port, protocol: 'http', maxNetworkRetries: 0, telemetry: false });
}

/** One call to the double's control API (JSON). */
export async function control<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${local().stripe.apiUrl}/_control${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** A fresh Standard connected account, onboarded (able to take payments) unless asked not to be. */
export async function newConnectedAccount(stripe: Stripe, { onboarded = true } = {}): Promise<string> {
  const account = await stripe.accounts.create({ type: 'standard', email: 'owner@shop.example.test' });
  if (onboarded) await control('POST', `/accounts/${account.id}/onboard`, { businessName: 'Acme Supplies' });
  return account.id;
}

/** An open one-line Checkout Session on `account`. */
export function newSession(stripe: Stripe, account: string, overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  return stripe.checkout.sessions.create(
    {
      mode: 'payment',
      line_items: [{ quantity: 1, price_data: { currency: 'eur', unit_amount: 12_50, product_data: { name: 'Invoice INV-000001' } } }],
      success_url: 'http://127.0.0.1:1/p/shop/payments/return?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://127.0.0.1:1/p/shop/documents',
      metadata: { orgId: 'org_test', docId: 'doc_test' },
      ...overrides,
    },
    { stripeAccount: account },
  );
}

/** The deliveries made so far (of one account, event or type), oldest first. */
export async function deliveries(filter: { account?: string; event?: string; type?: string }): Promise<Delivery[]> {
  const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return (await control<{ data: Delivery[] }>('GET', `/deliveries?${query}`)).body.data;
}

/** Polls until `probe` returns something truthy: events are delivered after the call that caused them answers. */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface ReceivedWebhook {
  body: string;
  signature: string;
  at: number;
}

/** A webhook endpoint of the test's own, answering 200: the account's events go here instead of the runtime's API. */
export async function webhookReceiver(account: string) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ body, signature: String(request.headers['stripe-signature']), at: Date.now() });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await control('PUT', '/delivery/url', { account, url: `http://127.0.0.1:${port}/webhooks` });
  return {
    received,
    events: () => received.map((webhook) => JSON.parse(webhook.body) as Stripe.Event),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
