import { listDocuments } from '../core/documents/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { listDocumentsRoute } from './routes.ts';

export const handler = http(listDocumentsRoute, async ({ caller, params, query }) => ok(await listDocuments(caller, params.kind, query)));
