import { verifyAudit } from '../core/audit/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { verifyAuditRoute } from './routes.ts';

export const handler = http(verifyAuditRoute, async ({ caller, query }) => ok(await verifyAudit(caller, query.from)));
