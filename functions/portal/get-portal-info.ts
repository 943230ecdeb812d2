import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { publicPortalInfo } from '../core/portal-names/resolve.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/portal/{portalName}'], async ({ params }) => ok(await publicPortalInfo(params.portalName)));
