import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { acceptInvitation } from '../core/portal-access/invitations.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/portal/{portalName}/invitations/accept'], async ({ params, body, client }) =>
  ok(await acceptInvitation(params.portalName, body, client.sourceIp)),
);
