import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { updateOrganization } from '../core/orgs/service.ts';
import { updateOrganizationRoute } from './routes.ts';

export const handler = http(updateOrganizationRoute, async ({ caller, body }) => ok(await updateOrganization(caller, body)));
