import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { deleteWebhookEndpoint } from '../core/outgoing-webhooks/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['DELETE /v1/orgs/{orgId}/webhooks/{webhookId}'], async ({ caller, params }) => {
  await deleteWebhookEndpoint(caller, params.webhookId);
  return noContent();
});
