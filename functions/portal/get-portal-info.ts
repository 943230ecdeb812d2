import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { publicPortalInfo } from '../core/portal-names/resolve.ts';
import { getPortalInfoRoute } from './routes.ts';

export const handler = http(getPortalInfoRoute, async ({ params }) => ok(await publicPortalInfo(params.portalName)));
