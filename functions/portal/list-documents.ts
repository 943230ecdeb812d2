import { listPortalDocuments } from '../core/documents/portal-reads.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { listDocumentsRoute } from './routes.ts';

export const handler = http(listDocumentsRoute, async ({ caller, query }) => ok(await listPortalDocuments(caller, query)));
