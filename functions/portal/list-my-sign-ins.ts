import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { mySignIns } from '../core/portal-access/sign-in-history.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/portal/{portalName}/me/sign-ins'], async ({ caller, query }) => ok(await mySignIns(caller, query)));
