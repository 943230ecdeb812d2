import { createContact } from '../core/contacts/service.ts';
import { http } from '../core/http/handler.ts';
import { created } from '../core/http/responses.ts';
import { createContactRoute } from './routes.ts';

export const handler = http(createContactRoute, async ({ caller, body }) => created(await createContact(caller, body)));
