import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { contactPortalActivity } from '../core/portal-activity/service.ts';
import { getPortalActivityRoute } from './routes.ts';

export const handler = http(getPortalActivityRoute, async ({ caller, params, query }) => ok(await contactPortalActivity(caller, params.contactId, query)));
