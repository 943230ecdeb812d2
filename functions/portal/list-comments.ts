import { portalComments } from '../core/comments/reads.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { listCommentsRoute } from './routes.ts';

export const handler = http(listCommentsRoute, async ({ caller, params, query }) => ok(await portalComments(caller, params.docId, query)));
