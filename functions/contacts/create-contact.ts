import { createContact } from '../core/contacts/service.ts';
import { http } from '../core/http/handler.ts';
import { created } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/orgs/{orgId}/contacts'], async ({ caller, body }) => created(await createContact(caller, body)));
