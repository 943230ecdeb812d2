import { http } from '../core/http/handler.ts';
import { pdfFile } from '../core/http/responses.ts';
import { portalStatementPdf } from '../core/receivables/statement-file.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/portal/{portalName}/statement/pdf'], async ({ caller, query }) => pdfFile(await portalStatementPdf(caller, query)));
