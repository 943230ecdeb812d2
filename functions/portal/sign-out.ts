import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { signOut } from '../core/portal-access/sessions.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/portal/{portalName}/sessions/sign-out'], async ({ params, body }) => {
  await signOut(params.portalName, body.refreshToken);
  return noContent();
});
