import { http } from '../core/http/handler.ts';
import { created } from '../core/http/responses.ts';
import { createOrganization } from '../core/orgs/service.ts';
import { createOrganizationRoute } from './routes.ts';

export const handler = http(createOrganizationRoute, async ({ caller, body }) => created(await createOrganization(caller, body)));
