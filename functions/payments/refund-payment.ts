import { http } from '../core/http/handler.ts';
import { requestRefund } from '../core/online-payments/refund-request.ts';
import { refundPaymentRoute } from './routes.ts';

export const handler = http(refundPaymentRoute, async ({ caller, params, body, headers }) => {
  const { response, replayed } = await requestRefund(caller, params.paymentId, body, headers['idempotency-key']);
  return { status: 202 as const, body: response, headers: replayed ? { 'idempotent-replayed': 'true' } : undefined };
});
