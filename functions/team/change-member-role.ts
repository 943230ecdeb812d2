import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { changeMemberRole } from '../core/team/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['PATCH /v1/orgs/{orgId}/members/{staffId}'], async ({ caller, params, body }) =>
  ok(await changeMemberRole(caller, params.staffId, body.role)),
);
