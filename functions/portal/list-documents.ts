import { listPortalDocuments } from '../core/documents/portal-reads.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/portal/{portalName}/documents'], async ({ caller, query }) => ok(await listPortalDocuments(caller, query)));
