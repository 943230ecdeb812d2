import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { redeliverWebhook } from '../core/outgoing-webhooks/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/orgs/{orgId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver'], async ({ caller, params }) =>
  ok(await redeliverWebhook(caller, params.webhookId, params.deliveryId)),
);
