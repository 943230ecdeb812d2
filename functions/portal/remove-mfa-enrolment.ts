import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { removeEnrolment } from '../core/portal-access/mfa.ts';
import { removeMfaEnrolmentRoute } from './session-routes.ts';

export const handler = http(removeMfaEnrolmentRoute, async ({ caller, body }) => {
  await removeEnrolment(caller, body.accessToken);
  return noContent();
});
