import { http } from '../core/http/handler.ts';
import { created } from '../core/http/responses.ts';
import { createWebhookEndpoint } from '../core/outgoing-webhooks/service.ts';
import { createWebhookRoute } from './routes.ts';

export const handler = http(createWebhookRoute, async ({ caller, body }) => created(await createWebhookEndpoint(caller, body)));
