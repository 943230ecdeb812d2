import { http } from '../core/http/handler.ts';
import { unchecked } from '../core/http/responses.ts';
import { emailStatement } from '../core/receivables/statement-email.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/orgs/{orgId}/contacts/{contactId}/statement/email'], async ({ caller, params, body, headers }) => {
  const { response, replayed } = await emailStatement(caller, params.contactId, body, headers['idempotency-key']);
  return { status: 202 as const, body: unchecked(response), headers: replayed ? { 'idempotent-replayed': 'true' } : undefined };
});
