import { http } from '../core/http/handler.ts';
import { ok, unchecked } from '../core/http/responses.ts';
import { checkPortalName } from '../core/portal-names/service.ts';
import { checkPortalNameRoute } from './routes.ts';

export const handler = http(checkPortalNameRoute, async ({ params }) => ok(unchecked(await checkPortalName(params.name))));
