import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { signPersonOutEverywhere } from '../core/portal-access/sign-out-everywhere.ts';
import { signPersonOutEverywhereRoute } from './routes.ts';

export const handler = http(signPersonOutEverywhereRoute, async ({ caller, params }) => {
  await signPersonOutEverywhere(caller, params.contactId, params.personId);
  return noContent();
});
