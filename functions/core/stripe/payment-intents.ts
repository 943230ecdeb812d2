import { NotFound } from '../errors.ts';
import { fromStripeAmount } from '../money/stripe-amounts.ts';
import { callStripe } from './call.ts';
import { idOf } from './expandable.ts';

export interface PaymentIntent {
  paymentIntentId: string;
  status: string;
  /** In ISO minor units. */
  amountReceived: number;
  currency: string;
  chargeId: string | null;
  /** How the customer paid: `card`, `us_bank_account`, `sepa_debit`… */
  methodType: string | null;
}

/** What a payment intent on a connected account received, and through which charge: read before money is applied. */
export async function retrievePaymentIntent(accountId: string, paymentIntentId: string): Promise<PaymentIntent> {
  const intent = await callStripe((stripe) => stripe.paymentIntents.retrieve(paymentIntentId, undefined, { stripeAccount: accountId }), {
    resource_missing: () => new NotFound('Payment intent'),
  });
  const currency = intent.currency.toUpperCase();
  return {
    paymentIntentId: intent.id,
    status: intent.status,
    amountReceived: fromStripeAmount(intent.amount_received, currency),
    currency,
    chargeId: idOf(intent.latest_charge),
    methodType: intent.payment_method_types[0] ?? null,
  };
}
