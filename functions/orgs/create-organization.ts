import { http } from '../core/http/handler.ts';
import { created } from '../core/http/responses.ts';
import { createOrganization } from '../core/orgs/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/orgs'], async ({ caller, body }) => created(await createOrganization(caller, body)));
