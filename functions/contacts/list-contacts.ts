import { listContacts } from '../core/contacts/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { listContactsRoute } from './routes.ts';

export const handler = http(listContactsRoute, async ({ caller, query }) => ok(await listContacts(caller, query)));
