import { verifyAudit } from '../core/audit/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/audit/verify'], async ({ caller, query }) => ok(await verifyAudit(caller, query.from)));
