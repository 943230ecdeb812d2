import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { setPortal } from '../core/portal-names/service.ts';
import { setPortalRoute } from './routes.ts';

export const handler = http(setPortalRoute, async ({ caller, body }) => ok(await setPortal(caller, body)));
