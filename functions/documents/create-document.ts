import { createDocument } from '../core/documents/service.ts';
import { http } from '../core/http/handler.ts';
import { created, unchecked } from '../core/http/responses.ts';
import { createDocumentRoute } from './routes.ts';

export const handler = http(createDocumentRoute, async ({ caller, params, body, headers }) => {
  const { response, replayed } = await createDocument(caller, params.kind, body, headers['idempotency-key']);
  return { ...created(unchecked(response)), headers: replayed ? { 'idempotent-replayed': 'true' } : undefined };
});
