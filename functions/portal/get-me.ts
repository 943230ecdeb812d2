import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { portalMe } from '../core/portal-access/me.ts';
import { getMeRoute } from './session-routes.ts';

export const handler = http(getMeRoute, async ({ caller }) => ok(portalMe(caller)));
