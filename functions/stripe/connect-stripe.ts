import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { connectStripe } from '../core/online-payments/connection.ts';
import { connectStripeRoute } from './routes.ts';

export const handler = http(connectStripeRoute, async ({ caller }) => ok(await connectStripe(caller)));
