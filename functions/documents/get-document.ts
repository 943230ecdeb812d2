import { readDocument } from '../core/documents/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/{kind}/{docId}'], async ({ caller, params }) =>
  ok(await readDocument(caller, params.kind, params.docId)),
);
