import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { receivablesLedgerCsv, receivablesLedgerPage } from '../core/receivables/ledger.ts';
import { getLedgerRoute } from './routes.ts';

export const handler = http(getLedgerRoute, async ({ caller, query, headers }) => {
  if (!headers.accept?.includes('text/csv')) return ok(await receivablesLedgerPage(caller, query));
  const { asOf, csv } = await receivablesLedgerCsv(caller, query.asOf);
  return {
    status: 200,
    raw: { content: csv, contentType: 'text/csv; charset=utf-8' },
    headers: { 'content-disposition': `attachment; filename="receivables-ledger-${asOf}.csv"` },
  };
});
