import { voidDocument } from '../core/documents/lifecycle.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/orgs/{orgId}/{kind}/{docId}/void'], async ({ caller, params }) =>
  ok(await voidDocument(caller, params.kind, params.docId)),
);
