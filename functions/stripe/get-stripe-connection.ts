import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { readStripeConnection } from '../core/online-payments/connection.ts';
import { getStripeConnectionRoute } from './routes.ts';

export const handler = http(getStripeConnectionRoute, async ({ caller }) => ok(await readStripeConnection(caller)));
