import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { signMeOutEverywhere } from '../core/portal-access/sign-out-everywhere.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/portal/{portalName}/me/sign-out-everywhere'], async ({ caller }) => {
  await signMeOutEverywhere(caller);
  return noContent();
});
