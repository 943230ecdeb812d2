import { listDocuments } from '../core/documents/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/{kind}'], async ({ caller, params, query }) => ok(await listDocuments(caller, params.kind, query)));
