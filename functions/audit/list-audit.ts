import { listAudit } from '../core/audit/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { listAuditRoute } from './routes.ts';

export const handler = http(listAuditRoute, async ({ caller, query }) => ok(await listAudit(caller, query)));
