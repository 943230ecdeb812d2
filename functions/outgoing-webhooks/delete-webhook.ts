import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { deleteWebhookEndpoint } from '../core/outgoing-webhooks/service.ts';
import { deleteWebhookRoute } from './routes.ts';

export const handler = http(deleteWebhookRoute, async ({ caller, params }) => {
  await deleteWebhookEndpoint(caller, params.webhookId);
  return noContent();
});
