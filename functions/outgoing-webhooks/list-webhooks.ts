import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { listWebhookEndpoints } from '../core/outgoing-webhooks/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/webhooks'], async ({ caller, query }) => ok(await listWebhookEndpoints(caller, query)));
