import { answerEstimate } from '../core/documents/portal-service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { declineEstimateRoute } from './routes.ts';

export const handler = http(declineEstimateRoute, async ({ caller, params, body }) =>
  ok(await answerEstimate(caller, params.docId, { action: 'decline', reason: body.reason })),
);
