import * as z from 'zod';
import { invalidRequest } from '../errors.ts';
import { refund } from '../flows/refunds.ts';
import { page, pagingParams } from '../lists.ts';
import { metadata, parseParams, positiveInteger, text } from '../params.ts';
import { route } from '../router.ts';
import { type ApiHandler, retrieve } from './handler.ts';

const CreateRefund = z.strictObject({
  payment_intent: z.optional(text),
  charge: z.optional(text),
  amount: z.optional(positiveInteger),
  reason: z.optional(z.enum(['duplicate', 'fraudulent', 'requested_by_customer'])),
  metadata: z.optional(metadata),
});

/** Refunds a payment intent's charge, or a charge; all of what is left unless `amount` says less. */
const createRefund: ApiHandler = (double, { owner, params }) => {
  const input = parseParams(CreateRefund, params);
  let chargeId = input.charge;
  if (input.payment_intent !== undefined) {
    const intent = double.store.get(owner, 'payment_intent', input.payment_intent, 'payment_intent');
    if (!intent.latest_charge || (chargeId !== undefined && chargeId !== intent.latest_charge)) {
      throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, 'charge_not_refundable', 'payment_intent');
    }
    chargeId = intent.latest_charge;
  }
  if (chargeId === undefined) throw invalidRequest('Must provide either `charge` or `payment_intent`.', 'parameter_missing', 'charge');
  const charge = double.store.get(owner, 'charge', chargeId, 'charge');
  return refund(double, owner, { charge, amount: input.amount, reason: input.reason, metadata: input.metadata });
};

const ListRefunds = z.strictObject({ charge: z.optional(text), payment_intent: z.optional(text), ...pagingParams });

/** The account's refunds, newest first, of one charge or payment intent when asked. */
const listRefunds: ApiHandler = (double, { owner, params, path }) => {
  const { charge, payment_intent, ...paging } = parseParams(ListRefunds, params);
  const refunds = double.store
    .list(owner, 'refund')
    .filter((each) => (charge === undefined || each.charge === charge) && (payment_intent === undefined || each.payment_intent === payment_intent));
  return page(refunds, paging, path, 'refund');
};

export const refundRoutes = [
  route('POST', '/v1/refunds', createRefund),
  route('GET', '/v1/refunds', listRefunds),
  route('GET', '/v1/refunds/:id', retrieve('refund')),
];
