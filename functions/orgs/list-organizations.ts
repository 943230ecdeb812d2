import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { listOrganizations } from '../core/orgs/service.ts';
import { listOrganizationsRoute } from './routes.ts';

export const handler = http(listOrganizationsRoute, async ({ caller }) => ok({ items: await listOrganizations(caller), nextCursor: null }));
