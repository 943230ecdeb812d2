import { removePerson } from '../core/contacts/service.ts';
import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['DELETE /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}'], async ({ caller, params }) => {
  await removePerson(caller, params.contactId, params.personId);
  return noContent();
});
