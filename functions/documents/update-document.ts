import { updateDocument } from '../core/documents/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { updateDocumentRoute } from './routes.ts';

export const handler = http(updateDocumentRoute, async ({ caller, params, body }) => ok(await updateDocument(caller, params.kind, params.docId, body)));
