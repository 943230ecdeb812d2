import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { receiveStripeWebhook } from '../core/online-payments/stripe-events.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/webhooks/stripe'], async ({ rawBody, headers }) =>
  ok(await receiveStripeWebhook(rawBody, headers['stripe-signature'])),
);
