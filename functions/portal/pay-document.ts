import { http } from '../core/http/handler.ts';
import { created, ok } from '../core/http/responses.ts';
import { startCheckout } from '../core/online-payments/checkout.ts';
import { payDocumentRoute } from './routes.ts';

export const handler = http(payDocumentRoute, async ({ caller, params, body, headers }) => {
  const { reused, ...checkout } = await startCheckout(caller, { docIds: [params.docId], amount: body.amount, idempotencyKey: headers['idempotency-key'] });
  return reused ? ok(checkout) : created(checkout);
});
