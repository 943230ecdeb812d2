import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { staffStatement } from '../core/receivables/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/contacts/{contactId}/statement'], async ({ caller, params, query }) =>
  ok(await staffStatement(caller, params.contactId, query)),
);
