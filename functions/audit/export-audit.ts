import { exportAudit } from '../core/audit/service.ts';
import { http } from '../core/http/handler.ts';
import { jsonLines } from '../core/http/responses.ts';
import { exportAuditRoute } from './routes.ts';

export const handler = http(exportAuditRoute, async ({ caller, query }) => {
  const slice = await exportAudit(caller, query.from, query.limit);
  return jsonLines(slice.content, slice.nextFrom === undefined ? {} : { 'audit-next-from': String(slice.nextFrom) });
});
