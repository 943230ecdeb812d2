import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { mySignIns } from '../core/portal-access/sign-in-history.ts';
import { listMySignInsRoute } from './session-routes.ts';

export const handler = http(listMySignInsRoute, async ({ caller, query }) => ok(await mySignIns(caller, query)));
