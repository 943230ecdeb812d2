import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { enablePortalAccess } from '../core/portal-access/service.ts';
import { enablePortalAccessRoute } from './routes.ts';

export const handler = http(enablePortalAccessRoute, async ({ caller, params, body }) => ok(await enablePortalAccess(caller, params.contactId, body)));
