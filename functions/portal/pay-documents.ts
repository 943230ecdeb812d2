import { http } from '../core/http/handler.ts';
import { created, ok } from '../core/http/responses.ts';
import { startCheckout } from '../core/online-payments/checkout.ts';
import { payDocumentsRoute } from './routes.ts';

export const handler = http(payDocumentsRoute, async ({ caller, body, headers }) => {
  const { reused, ...checkout } = await startCheckout(caller, { docIds: body.docIds, amount: body.amount, idempotencyKey: headers['idempotency-key'] });
  return reused ? ok(checkout) : created(checkout);
});
