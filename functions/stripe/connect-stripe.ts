import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { connectStripe } from '../core/online-payments/connection.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/orgs/{orgId}/stripe/connect'], async ({ caller }) => ok(await connectStripe(caller)));
