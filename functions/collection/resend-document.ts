import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { resendDocument } from '../core/reminders/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/orgs/{orgId}/{kind}/{docId}/resend'], async ({ caller, params }) =>
  ok(await resendDocument(caller, params.kind, params.docId)),
);
