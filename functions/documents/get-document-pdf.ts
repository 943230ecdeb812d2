import { requireDocument } from '../core/documents/lookup.ts';
import { pdfOf } from '../core/documents/pdf.ts';
import { http } from '../core/http/handler.ts';
import { pdfFile } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/{kind}/{docId}/pdf'], async ({ caller, params }) =>
  pdfFile(await pdfOf(await requireDocument(caller.orgId, params.kind, params.docId))),
);
