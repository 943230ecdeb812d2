import { NotFound } from '../errors.ts';
import { fromStripeAmount } from '../money/stripe-amounts.ts';
import { callStripe } from './call.ts';
import { idOf } from './expandable.ts';

export interface Dispute {
  disputeId: string;
  /** Stripe's current status: `needs_response`, `under_review`, `warning_*` while open; `won`, `lost` once closed. */
  status: string;
  /** In ISO minor units: what the bank took back (or holds). */
  amount: number;
  currency: string;
  paymentIntentId: string | null;
  reason: string;
}

/** A dispute as Stripe has it now: events about it may arrive in any order, its current state decides. */
export async function retrieveDispute(accountId: string, disputeId: string): Promise<Dispute> {
  const dispute = await callStripe((stripe) => stripe.disputes.retrieve(disputeId, undefined, { stripeAccount: accountId }), {
    resource_missing: () => new NotFound('Dispute'),
  });
  const currency = dispute.currency.toUpperCase();
  return {
    disputeId: dispute.id,
    status: dispute.status,
    amount: fromStripeAmount(dispute.amount, currency),
    currency,
    paymentIntentId: idOf(dispute.payment_intent),
    reason: dispute.reason ?? 'unknown',
  };
}
