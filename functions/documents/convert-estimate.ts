import { convertEstimate } from '../core/documents/lifecycle.ts';
import { http } from '../core/http/handler.ts';
import { created, unchecked } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/orgs/{orgId}/estimates/{docId}/convert'], async ({ caller, params }) =>
  created(unchecked(await convertEstimate(caller, params.docId))),
);
