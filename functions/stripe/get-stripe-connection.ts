import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { readStripeConnection } from '../core/online-payments/connection.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/stripe'], async ({ caller }) => ok(await readStripeConnection(caller)));
