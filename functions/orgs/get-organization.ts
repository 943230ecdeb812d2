import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { readOrganization } from '../core/orgs/service.ts';
import { getOrganizationRoute } from './routes.ts';

export const handler = http(getOrganizationRoute, async ({ caller }) => ok(await readOrganization(caller)));
