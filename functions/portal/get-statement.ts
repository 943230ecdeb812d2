import { http } from '../core/http/handler.ts';
import { ok, pdfFile } from '../core/http/responses.ts';
import { portalStatement } from '../core/receivables/service.ts';
import { portalStatementPdf } from '../core/receivables/statement-file.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/portal/{portalName}/statement'], async ({ caller, query, headers }) =>
  headers.accept?.includes('application/pdf') ? pdfFile(await portalStatementPdf(caller, query)) : ok(await portalStatement(caller, query)),
);
