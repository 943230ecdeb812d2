import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { disablePortalAccess } from '../core/portal-access/service.ts';
import { disablePortalAccessRoute } from './routes.ts';

export const handler = http(disablePortalAccessRoute, async ({ caller, params }) => {
  await disablePortalAccess(caller, params.contactId, params.personId);
  return noContent();
});
