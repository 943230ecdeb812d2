import { http } from '../core/http/handler.ts';
import { created } from '../core/http/responses.ts';
import { createWebhookEndpoint } from '../core/outgoing-webhooks/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/orgs/{orgId}/webhooks'], async ({ caller, body }) => created(await createWebhookEndpoint(caller, body)));
