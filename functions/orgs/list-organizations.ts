import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { listOrganizations } from '../core/orgs/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs'], async ({ caller }) => ok({ items: await listOrganizations(caller), nextCursor: null }));
