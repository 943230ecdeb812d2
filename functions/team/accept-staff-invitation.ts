import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { acceptStaffInvitation } from '../core/team/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/staff-invitations/accept'], async ({ caller, body }) => ok(await acceptStaffInvitation(caller, body.token)));
