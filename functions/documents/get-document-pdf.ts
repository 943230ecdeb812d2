import { requireDocument } from '../core/documents/lookup.ts';
import { pdfOf } from '../core/documents/pdf.ts';
import { http } from '../core/http/handler.ts';
import { pdfFile } from '../core/http/responses.ts';
import { getDocumentPdfRoute } from './routes.ts';

export const handler = http(getDocumentPdfRoute, async ({ caller, params }) =>
  pdfFile(await pdfOf(await requireDocument(caller.orgId, params.kind, params.docId))),
);
