import { createServer, type Server } from 'node:http';
import { serveApi } from './api/serve.ts';
import { serveControl } from './control.ts';
import { Deliveries } from './deliveries.ts';
import type { Double } from './double.ts';
import { Events } from './events.ts';
import { expireDueSessions } from './flows/checkout.ts';
import { readBody, sendJson } from './http.ts';
import { IdempotencyKeys } from './idempotency.ts';
import { servePage } from './pages/serve.ts';
import { Store } from './store.ts';

export interface StripeDoubleOptions {
  port: number;
  /** Where events are posted: the runtime's `/v1/webhooks/stripe`. */
  webhookUrl: string;
  /** The endpoint's signing secret (`whsec_…`); the webhook handler verifies with the same. */
  webhookSecret: string;
}

/**
 * The local Stripe double: Stripe's API for the calls Portico makes (under
 * `/v1`), the pages a browser sees (checkout, onboarding), and a control API
 * for tests (`/_control`). State lives in memory for the life of the process.
 */
export function startStripeDouble(options: StripeDoubleOptions): Promise<{ url: string; server: Server }> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const store = new Store();
  const deliveries = new Deliveries(options.webhookUrl, options.webhookSecret);
  const double: Double = { baseUrl, store, events: new Events(store, deliveries), deliveries, idempotency: new IdempotencyKeys() };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', baseUrl);
    const method = request.method ?? 'GET';
    readBody(request)
      .then((body) => {
        if (url.pathname.startsWith('/v1/')) return serveApi(double, request, response, url, body);
        if (url.pathname.startsWith('/_control/')) return serveControl(double, method, response, url, body);
        return servePage(double, method, response, url, body);
      })
      .catch((error: Error) => {
        process.stderr.write(`stripe double error: ${error.stack}\n`);
        if (!response.headersSent) sendJson(response, 500, { error: { type: 'api_error', message: error.message } });
        else response.end();
      });
  });
  // Sessions lapse by themselves on Stripe too, with an event.
  setInterval(() => expireDueSessions(double), 30_000).unref();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve({ url: baseUrl, server }));
  });
}
