import { http } from '../core/http/handler.ts';
import { ok, seeOther } from '../core/http/responses.ts';
import { portalStatement } from '../core/receivables/service.ts';
import { getStatementRoute } from './routes.ts';

// Asked for as a PDF, the statement is handed to its own route: pdfkit stays out of the function serving the portal's pages.
export const handler = http(getStatementRoute, async ({ caller, query, headers, path, rawQuery }) =>
  headers.accept?.includes('application/pdf') ? seeOther(`${path}/pdf${rawQuery ? `?${rawQuery}` : ''}`) : ok(await portalStatement(caller, query)),
);
