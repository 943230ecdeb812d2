import { answerEstimate } from '../core/documents/portal-service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/portal/{portalName}/documents/{docId}/accept'], async ({ caller, params }) =>
  ok(await answerEstimate(caller, params.docId, { action: 'accept' })),
);
