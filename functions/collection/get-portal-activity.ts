import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { contactPortalActivity } from '../core/portal-activity/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/contacts/{contactId}/portal-activity'], async ({ caller, params, query }) =>
  ok(await contactPortalActivity(caller, params.contactId, query)),
);
