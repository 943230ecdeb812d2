import { deleteContact } from '../core/contacts/service.ts';
import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { deleteContactRoute } from './routes.ts';

export const handler = http(deleteContactRoute, async ({ caller, params }) => {
  await deleteContact(caller, params.contactId);
  return noContent();
});
