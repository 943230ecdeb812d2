import { deleteDocument } from '../core/documents/service.ts';
import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { deleteDocumentRoute } from './routes.ts';

export const handler = http(deleteDocumentRoute, async ({ caller, params }) => {
  await deleteDocument(caller, params.kind, params.docId);
  return noContent();
});
