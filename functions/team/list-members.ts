import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { listTeam } from '../core/team/service.ts';
import { listMembersRoute } from './routes.ts';

export const handler = http(listMembersRoute, async ({ caller, query }) => ok(await listTeam(caller, query)));
