import { answerEstimate } from '../core/documents/portal-service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { acceptEstimateRoute } from './routes.ts';

export const handler = http(acceptEstimateRoute, async ({ caller, params }) => ok(await answerEstimate(caller, params.docId, { action: 'accept' })));
