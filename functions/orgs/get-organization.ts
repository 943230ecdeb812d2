import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { readOrganization } from '../core/orgs/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}'], async ({ caller }) => ok(await readOrganization(caller)));
