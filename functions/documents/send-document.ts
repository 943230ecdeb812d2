import { sendDocument } from '../core/documents/lifecycle.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { sendDocumentRoute } from './routes.ts';

export const handler = http(sendDocumentRoute, async ({ caller, params }) => ok(await sendDocument(caller, params.kind, params.docId)));
