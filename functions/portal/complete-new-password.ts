import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { completeNewPassword } from '../core/portal-access/sessions.ts';
import { completeNewPasswordRoute } from './session-routes.ts';

export const handler = http(completeNewPasswordRoute, async ({ params, body, client }) => ok(await completeNewPassword(params.portalName, body, client)));
