import { readDocument } from '../core/documents/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { getDocumentRoute } from './routes.ts';

export const handler = http(getDocumentRoute, async ({ caller, params }) => ok(await readDocument(caller, params.kind, params.docId)));
