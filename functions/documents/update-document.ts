import { updateDocument } from '../core/documents/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['PATCH /v1/orgs/{orgId}/{kind}/{docId}'], async ({ caller, params, body }) =>
  ok(await updateDocument(caller, params.kind, params.docId, body)),
);
