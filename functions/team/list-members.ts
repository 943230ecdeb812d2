import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { listTeam } from '../core/team/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/members'], async ({ caller, query }) => ok(await listTeam(caller, query)));
