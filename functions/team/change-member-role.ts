import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { changeMemberRole } from '../core/team/service.ts';
import { changeMemberRoleRoute } from './routes.ts';

export const handler = http(changeMemberRoleRoute, async ({ caller, params, body }) => ok(await changeMemberRole(caller, params.staffId, body.role)));
