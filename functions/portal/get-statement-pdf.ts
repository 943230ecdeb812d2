import { http } from '../core/http/handler.ts';
import { pdfFile } from '../core/http/responses.ts';
import { portalStatementPdf } from '../core/receivables/statement-file.ts';
import { getStatementPdfRoute } from './routes.ts';

export const handler = http(getStatementPdfRoute, async ({ caller, query }) => pdfFile(await portalStatementPdf(caller, query)));
