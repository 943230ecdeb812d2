import { listAudit } from '../core/audit/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/audit'], async ({ caller, query }) => ok(await listAudit(caller, query)));
