import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { agingReport } from '../core/receivables/ledger.ts';
import { getAgingRoute } from './routes.ts';

export const handler = http(getAgingRoute, async ({ caller, query }) => ok(await agingReport(caller, query.asOf)));
