import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { signMeOutEverywhere } from '../core/portal-access/sign-out-everywhere.ts';
import { signOutEverywhereRoute } from './session-routes.ts';

export const handler = http(signOutEverywhereRoute, async ({ caller }) => {
  await signMeOutEverywhere(caller);
  return noContent();
});
