import { StripeEventBody, WebhookReceipt } from '../core/online-payments/responses.ts';
import type { RouteSpec } from '../core/route-spec.ts';

export const receiveStripeEventRoute = {
  entry: 'webhooks/receive-stripe-event',
  summary: 'Stripe Connect events (signed): applies payments, refunds, disputes and account changes once; 400 and nothing written for a bad or stale signature',
  responses: { 200: WebhookReceipt },
  auth: 'none',
  body: StripeEventBody,
  needs: { table: 'readwrite', stripe: true },
} as const satisfies RouteSpec;

/** Events Stripe sends. */
export const routes = {
  'POST /v1/webhooks/stripe': receiveStripeEventRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'Webhooks';
