import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { removeEnrolment } from '../core/portal-access/mfa.ts';
import { routes } from './routes.ts';

export const handler = http(routes['DELETE /v1/portal/{portalName}/me/mfa'], async ({ caller, body }) => {
  await removeEnrolment(caller, body.accessToken);
  return noContent();
});
