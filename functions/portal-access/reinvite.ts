import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { reinvite } from '../core/portal-access/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/orgs/{orgId}/portal-invitations'], async ({ caller, body }) => ok(await reinvite(caller, body)));
