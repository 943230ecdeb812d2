import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { setPortal } from '../core/portal-names/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['PUT /v1/orgs/{orgId}/portal'], async ({ caller, body }) => ok(await setPortal(caller, body)));
