import { kindFromPath } from '../core/documents/kinds.ts';
import { pdfOf } from '../core/documents/pdf.ts';
import { requireDocument } from '../core/documents/service.ts';
import { http } from '../core/http/handler.ts';
import { routes } from '../core/routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/{kind}/{docId}/pdf'], async ({ caller, params }) =>
  pdfOf(await requireDocument(caller.orgId, kindFromPath(params.kind), params.docId)),
);
