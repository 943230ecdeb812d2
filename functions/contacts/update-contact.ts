import { updateContact } from '../core/contacts/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { updateContactRoute } from './routes.ts';

export const handler = http(updateContactRoute, async ({ caller, params, body }) => ok(await updateContact(caller, params.contactId, body)));
