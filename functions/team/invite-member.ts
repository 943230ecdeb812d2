import { http } from '../core/http/handler.ts';
import { created } from '../core/http/responses.ts';
import { inviteMember } from '../core/team/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/orgs/{orgId}/members'], async ({ caller, body }) => created(await inviteMember(caller, body)));
