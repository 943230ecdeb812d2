import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { rotateWebhookSecret } from '../core/outgoing-webhooks/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/orgs/{orgId}/webhooks/{webhookId}/rotate-secret'], async ({ caller, params }) =>
  ok(await rotateWebhookSecret(caller, params.webhookId)),
);
