import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { disablePortalAccess } from '../core/portal-access/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['DELETE /v1/orgs/{orgId}/contacts/{contactId}/portal-access/{personId}'], async ({ caller, params }) => {
  await disablePortalAccess(caller, params.contactId, params.personId);
  return noContent();
});
