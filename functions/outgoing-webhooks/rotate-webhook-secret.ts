import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { rotateWebhookSecret } from '../core/outgoing-webhooks/service.ts';
import { rotateWebhookSecretRoute } from './routes.ts';

export const handler = http(rotateWebhookSecretRoute, async ({ caller, params }) => ok(await rotateWebhookSecret(caller, params.webhookId)));
