import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { redeliverWebhook } from '../core/outgoing-webhooks/service.ts';
import { redeliverWebhookRoute } from './routes.ts';

export const handler = http(redeliverWebhookRoute, async ({ caller, params }) => ok(await redeliverWebhook(caller, params.webhookId, params.deliveryId)));
