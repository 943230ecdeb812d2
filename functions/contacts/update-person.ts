import { updatePerson } from '../core/contacts/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { updatePersonRoute } from './routes.ts';

export const handler = http(updatePersonRoute, async ({ caller, params, body }) => ok(await updatePerson(caller, params.contactId, params.personId, body)));
