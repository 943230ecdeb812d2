import { http } from '../core/http/handler.ts';
import { unchecked } from '../core/http/responses.ts';
import { emailStatement } from '../core/receivables/statement-email.ts';
import { emailStatementRoute } from './routes.ts';

export const handler = http(emailStatementRoute, async ({ caller, params, body, headers }) => {
  const { response, replayed } = await emailStatement(caller, params.contactId, body, headers['idempotency-key']);
  return { status: 202 as const, body: unchecked(response), headers: replayed ? { 'idempotent-replayed': 'true' } : undefined };
});
