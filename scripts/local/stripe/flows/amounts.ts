import { formatMoney, isCurrency } from '../../../../functions/core/money/currency.ts';
import { fromStripeAmount, stripeMinimumCharge, stripeUnit } from '../../../../functions/core/money/stripe-amounts.ts';
import { invalidRequest } from '../errors.ts';

/** Stripe's limit on any amount: eight digits in its unit. */
const MAXIMUM_AMOUNT = 99_999_999;

/** A lowercase ISO code the double can charge in. */
export function assertCurrency(currency: string, param: string) {
  if (currency !== currency.toLowerCase() || !isCurrency(currency.toUpperCase())) throw invalidRequest(`Invalid currency: ${currency}.`, undefined, param);
}

/** Three-decimal currencies in steps of 10, ISK and UGX in whole units (× 100): Stripe refuses anything else. */
export function assertStep(amount: number, currency: string, param: string) {
  const { step } = stripeUnit(currency.toUpperCase());
  if (amount % step !== 0)
    throw invalidRequest(`Invalid amount: ${currency.toUpperCase()} amounts must be evenly divisible by ${step}.`, 'invalid_charge_amount', param);
}

/** What a payment may total: Stripe's step, its minimum charge where its table states one, and eight digits at most. */
export function assertChargeable(amount: number, currency: string, param: string) {
  assertStep(amount, currency, param);
  const code = currency.toUpperCase();
  const minimum = stripeMinimumCharge(code);
  if (minimum !== undefined && fromStripeAmount(amount, code) < minimum) {
    throw invalidRequest(`Amount must be at least ${formatMoney(minimum, code)}.`, 'amount_too_small', param);
  }
  if (amount > MAXIMUM_AMOUNT) throw invalidRequest(`Amount must be no more than ${MAXIMUM_AMOUNT}.`, 'amount_too_large', param);
}
