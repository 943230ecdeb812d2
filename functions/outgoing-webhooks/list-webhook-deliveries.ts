import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { listWebhookDeliveries } from '../core/outgoing-webhooks/service.ts';
import { listWebhookDeliveriesRoute } from './routes.ts';

export const handler = http(listWebhookDeliveriesRoute, async ({ caller, params, query }) => ok(await listWebhookDeliveries(caller, params.webhookId, query)));
