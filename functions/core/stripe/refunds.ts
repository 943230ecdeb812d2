import type Stripe from 'stripe';
import { NotFound, Unprocessable } from '../errors.ts';
import { fromStripeAmount, toStripeAmount } from '../money/stripe-amounts.ts';
import { callStripe } from './call.ts';
import { idOf } from './expandable.ts';

export interface Refund {
  refundId: string;
  /** `pending` until Stripe reports the outcome (`refund.updated`). */
  status: 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';
  /** In ISO minor units. */
  amount: number;
  currency: string;
  paymentIntentId: string | null;
  chargeId: string | null;
  /** What Portico wrote when it asked (`docId`, `paymentId`); empty for a refund made in Stripe's dashboard. */
  metadata: Record<string, string>;
}

/** Refunds all (no `amount`) or part of a payment; the same `idempotencyKey` never refunds twice. */
export async function createRefund(input: {
  accountId: string;
  paymentIntentId: string;
  /** ISO uppercase: the payment's currency, for the amount's conversion. */
  currency: string;
  amount?: number;
  metadata: Record<string, string>;
  idempotencyKey: string;
}): Promise<Refund> {
  const refund = await callStripe(
    (stripe) =>
      stripe.refunds.create(
        {
          payment_intent: input.paymentIntentId,
          ...(input.amount !== undefined && { amount: toStripeAmount(input.amount, input.currency) }),
          metadata: input.metadata,
        },
        { stripeAccount: input.accountId, idempotencyKey: input.idempotencyKey },
      ),
    {
      resource_missing: () => new NotFound('Payment'),
      charge_already_refunded: () => new Unprocessable('ALREADY_REFUNDED', 'This payment has already been refunded in full.'),
      amount_too_large: () => new Unprocessable('REFUND_EXCEEDS_PAYMENT', 'The refund is more than what is left of the payment.'),
      charge_disputed: () => new Unprocessable('PAYMENT_DISPUTED', 'The customer disputed this payment; it cannot be refunded.'),
      charge_not_refundable: () => new Unprocessable('PAYMENT_NOT_REFUNDABLE', 'This payment has not succeeded; there is nothing to refund.'),
    },
  );
  return refundView(refund);
}

export async function retrieveRefund(accountId: string, refundId: string): Promise<Refund> {
  return refundView(
    await callStripe((stripe) => stripe.refunds.retrieve(refundId, undefined, { stripeAccount: accountId }), {
      resource_missing: () => new NotFound('Refund'),
    }),
  );
}

/** Every refund of a charge (its `charge.refunded` event carries only the total) or of a payment intent. */
export async function listRefunds(accountId: string, of: { charge: string } | { payment_intent: string }): Promise<Refund[]> {
  return callStripe(async (stripe) => {
    const refunds: Refund[] = [];
    // The SDK's auto-pagination reads every page.
    for await (const refund of stripe.refunds.list({ ...of, limit: 100 }, { stripeAccount: accountId })) refunds.push(refundView(refund));
    return refunds;
  });
}

export function refundView(refund: Stripe.Refund): Refund {
  const currency = refund.currency.toUpperCase();
  return {
    refundId: refund.id,
    status: (refund.status ?? 'pending') as Refund['status'],
    amount: fromStripeAmount(refund.amount, currency),
    currency,
    paymentIntentId: idOf(refund.payment_intent),
    chargeId: idOf(refund.charge),
    metadata: refund.metadata ?? {},
  };
}
