import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { listWebhookDeliveries } from '../core/outgoing-webhooks/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/webhooks/{webhookId}/deliveries'], async ({ caller, params, query }) =>
  ok(await listWebhookDeliveries(caller, params.webhookId, query)),
);
