import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { resetPersonMfa } from '../core/portal-access/mfa.ts';
import { routes } from './routes.ts';

export const handler = http(routes['DELETE /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}/mfa'], async ({ caller, params }) => {
  await resetPersonMfa(caller, params.contactId, params.personId);
  return noContent();
});
