import { addPortalComment } from '../core/comments/service.ts';
import { http } from '../core/http/handler.ts';
import { created } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/portal/{portalName}/documents/{docId}/comments'], async ({ caller, params, body }) =>
  created(await addPortalComment(caller, params.docId, body)),
);
