import { http } from '../core/http/handler.ts';
import { accepted } from '../core/http/responses.ts';
import { requestPasswordReset } from '../core/portal-access/password-reset.ts';
import { requestPasswordResetRoute } from './session-routes.ts';

export const handler = http(requestPasswordResetRoute, async ({ params, body, client }) => {
  await requestPasswordReset(params.portalName, body.email, client.sourceIp);
  return accepted();
});
