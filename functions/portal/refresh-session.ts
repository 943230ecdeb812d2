import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { refreshSession } from '../core/portal-access/sessions.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/portal/{portalName}/sessions/refresh'], async ({ params, body }) =>
  ok(await refreshSession(params.portalName, body.refreshToken)),
);
