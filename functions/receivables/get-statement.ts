import { http } from '../core/http/handler.ts';
import { ok, pdfFile } from '../core/http/responses.ts';
import { staffStatement } from '../core/receivables/service.ts';
import { staffStatementPdf } from '../core/receivables/statement-file.ts';
import { getStatementRoute } from './routes.ts';

export const handler = http(getStatementRoute, async ({ caller, params, query, headers }) =>
  headers.accept?.includes('application/pdf')
    ? pdfFile(await staffStatementPdf(caller, params.contactId, query))
    : ok(await staffStatement(caller, params.contactId, query)),
);
