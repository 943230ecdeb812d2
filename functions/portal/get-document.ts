import { readPortalDocument } from '../core/documents/portal-service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/portal/{portalName}/documents/{docId}'], async ({ caller, params }) =>
  ok(await readPortalDocument(caller, params.docId)),
);
