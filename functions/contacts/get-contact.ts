import { readContact } from '../core/contacts/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { getContactRoute } from './routes.ts';

export const handler = http(getContactRoute, async ({ caller, params }) => ok(await readContact(caller, params.contactId)));
