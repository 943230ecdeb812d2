import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { updateOrganization } from '../core/orgs/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['PATCH /v1/orgs/{orgId}'], async ({ caller, body }) => ok(await updateOrganization(caller, body)));
