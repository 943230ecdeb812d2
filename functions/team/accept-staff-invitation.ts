import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { acceptStaffInvitation } from '../core/team/service.ts';
import { acceptStaffInvitationRoute } from './routes.ts';

export const handler = http(acceptStaffInvitationRoute, async ({ caller, body }) => ok(await acceptStaffInvitation(caller, body.token)));
