import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { receivablesLedgerCsv, receivablesLedgerPage } from '../core/receivables/ledger.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/reports/receivables-ledger'], async ({ caller, query, headers }) => {
  if (!headers.accept?.includes('text/csv')) return ok(await receivablesLedgerPage(caller, query));
  const { asOf, csv } = await receivablesLedgerCsv(caller, query.asOf);
  return {
    status: 200,
    raw: { content: csv, contentType: 'text/csv; charset=utf-8' },
    headers: { 'content-disposition': `attachment; filename="receivables-ledger-${asOf}.csv"` },
  };
});
