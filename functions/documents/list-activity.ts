import { documentActivity } from '../core/documents/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { listActivityRoute } from './routes.ts';

export const handler = http(listActivityRoute, async ({ caller, params, query }) => ok(await documentActivity(caller, params.kind, params.docId, query)));
