import { portalComments } from '../core/comments/reads.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/portal/{portalName}/documents/{docId}/comments'], async ({ caller, params, query }) =>
  ok(await portalComments(caller, params.docId, query)),
);
