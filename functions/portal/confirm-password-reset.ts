import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { confirmPasswordReset } from '../core/portal-access/password-reset.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/portal/{portalName}/password-reset/confirm'], async ({ params, body, client }) => {
  await confirmPasswordReset(params.portalName, body, client.sourceIp);
  return ok({ passwordChanged: true });
});
