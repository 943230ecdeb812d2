import { route } from '../router.ts';
import { accountLinkRoutes } from './account-links.ts';
import { accountRoutes } from './accounts.ts';
import { checkoutSessionRoutes } from './checkout-sessions.ts';
import { eventRoutes } from './events.ts';
import { retrieve } from './handler.ts';
import { refundRoutes } from './refunds.ts';

/** The part of Stripe's API the double answers: what Portico calls. */
export const apiRoutes = [
  ...accountRoutes,
  ...accountLinkRoutes,
  ...checkoutSessionRoutes,
  ...refundRoutes,
  ...eventRoutes,
  route('GET', '/v1/payment_intents/:id', retrieve('payment_intent')),
  route('GET', '/v1/charges/:id', retrieve('charge')),
  route('GET', '/v1/disputes/:id', retrieve('dispute')),
];
