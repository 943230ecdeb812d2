import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { acceptInvitation } from '../core/portal-access/invitations.ts';
import { acceptInvitationRoute } from './session-routes.ts';

export const handler = http(acceptInvitationRoute, async ({ params, body, client }) => ok(await acceptInvitation(params.portalName, body, client.sourceIp)));
