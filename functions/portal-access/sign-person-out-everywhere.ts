import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { signPersonOutEverywhere } from '../core/portal-access/sign-out-everywhere.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}/sign-out-everywhere'], async ({ caller, params }) => {
  await signPersonOutEverywhere(caller, params.contactId, params.personId);
  return noContent();
});
