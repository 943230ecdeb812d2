import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { completeNewPassword } from '../core/portal-access/sessions.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/portal/{portalName}/sessions/new-password'], async ({ params, body, client }) =>
  ok(await completeNewPassword(params.portalName, body, client)),
);
