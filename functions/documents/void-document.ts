import { voidDocument } from '../core/documents/lifecycle.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { voidDocumentRoute } from './routes.ts';

export const handler = http(voidDocumentRoute, async ({ caller, params }) => ok(await voidDocument(caller, params.kind, params.docId)));
