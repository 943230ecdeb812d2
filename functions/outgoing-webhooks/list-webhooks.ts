import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { listWebhookEndpoints } from '../core/outgoing-webhooks/service.ts';
import { listWebhooksRoute } from './routes.ts';

export const handler = http(listWebhooksRoute, async ({ caller, query }) => ok(await listWebhookEndpoints(caller, query)));
