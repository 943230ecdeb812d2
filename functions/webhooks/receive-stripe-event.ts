import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { receiveStripeWebhook } from '../core/online-payments/stripe-events.ts';
import { receiveStripeEventRoute } from './routes.ts';

export const handler = http(receiveStripeEventRoute, async ({ rawBody, headers }) => ok(await receiveStripeWebhook(rawBody, headers['stripe-signature'])));
