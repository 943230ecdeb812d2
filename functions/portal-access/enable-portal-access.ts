import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { enablePortalAccess } from '../core/portal-access/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/orgs/{orgId}/contacts/{contactId}/portal-access'], async ({ caller, params, body }) =>
  ok(await enablePortalAccess(caller, params.contactId, body)),
);
