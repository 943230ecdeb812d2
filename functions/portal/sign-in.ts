import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { signIn } from '../core/portal-access/sessions.ts';
import { signInRoute } from './session-routes.ts';

export const handler = http(signInRoute, async ({ params, body, client }) => ok(await signIn(params.portalName, body, client)));
