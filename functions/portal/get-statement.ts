import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { portalStatement } from '../core/receivables/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/portal/{portalName}/statement'], async ({ caller, query }) => ok(await portalStatement(caller, query)));
