import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { signOut } from '../core/portal-access/sessions.ts';
import { signOutRoute } from './session-routes.ts';

export const handler = http(signOutRoute, async ({ params, body }) => {
  await signOut(params.portalName, body.refreshToken);
  return noContent();
});
