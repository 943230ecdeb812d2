import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { refreshSession } from '../core/portal-access/sessions.ts';
import { refreshSessionRoute } from './session-routes.ts';

export const handler = http(refreshSessionRoute, async ({ params, body }) => ok(await refreshSession(params.portalName, body.refreshToken)));
