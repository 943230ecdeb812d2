import { convertEstimate } from '../core/documents/lifecycle.ts';
import { http } from '../core/http/handler.ts';
import { created, unchecked } from '../core/http/responses.ts';
import { convertEstimateRoute } from './routes.ts';

export const handler = http(convertEstimateRoute, async ({ caller, params }) => created(unchecked(await convertEstimate(caller, params.docId))));
