import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { portalMe } from '../core/portal-access/me.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/portal/{portalName}/me'], async ({ caller }) => ok(portalMe(caller)));
