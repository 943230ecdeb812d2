import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { confirmPasswordReset } from '../core/portal-access/password-reset.ts';
import { confirmPasswordResetRoute } from './session-routes.ts';

export const handler = http(confirmPasswordResetRoute, async ({ params, body, client }) => {
  await confirmPasswordReset(params.portalName, body, client.sourceIp);
  return ok({ passwordChanged: true });
});
