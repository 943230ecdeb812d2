import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { agingReport } from '../core/receivables/ledger.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/reports/receivables-aging'], async ({ caller, query }) => ok(await agingReport(caller, query.asOf)));
