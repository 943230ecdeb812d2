import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { resendDocument } from '../core/reminders/service.ts';
import { resendDocumentRoute } from './routes.ts';

export const handler = http(resendDocumentRoute, async ({ caller, params }) => ok(await resendDocument(caller, params.kind, params.docId)));
