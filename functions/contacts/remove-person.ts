import { removePerson } from '../core/contacts/service.ts';
import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { removePersonRoute } from './routes.ts';

export const handler = http(removePersonRoute, async ({ caller, params }) => {
  await removePerson(caller, params.contactId, params.personId);
  return noContent();
});
