import { http } from '../core/http/handler.ts';
import { created, unchecked } from '../core/http/responses.ts';
import { recordPayment } from '../core/payments/service.ts';
import { recordPaymentRoute } from './routes.ts';

export const handler = http(recordPaymentRoute, async ({ caller, params, body, headers }) => {
  const { response, replayed } = await recordPayment(caller, params.kind, params.docId, body, headers['idempotency-key']);
  return { ...created(unchecked(response)), headers: replayed ? { 'idempotent-replayed': 'true' } : undefined };
});
