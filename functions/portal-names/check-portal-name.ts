import { http } from '../core/http/handler.ts';
import { ok, unchecked } from '../core/http/responses.ts';
import { checkPortalName } from '../core/portal-names/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/portal-names/{name}'], async ({ params }) => ok(unchecked(await checkPortalName(params.name))));
