import { deleteDocument } from '../core/documents/service.ts';
import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['DELETE /v1/orgs/{orgId}/{kind}/{docId}'], async ({ caller, params }) => {
  await deleteDocument(caller, params.kind, params.docId);
  return noContent();
});
