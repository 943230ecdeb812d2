import { addPerson } from '../core/contacts/service.ts';
import { http } from '../core/http/handler.ts';
import { created } from '../core/http/responses.ts';
import { addPersonRoute } from './routes.ts';

export const handler = http(addPersonRoute, async ({ caller, params, body }) => created(await addPerson(caller, params.contactId, body)));
