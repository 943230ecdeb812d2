import { Unprocessable } from '../errors.ts';
import { formatMoney, minorUnits } from './currency.ts';
import { scaleDecimal } from './decimal.ts';

/**
 * Stripe's rules for amounts (docs.stripe.com/currencies). Portico keeps money
 * in ISO 4217 minor units (currency.ts); Stripe's `amount`/`unit_amount` is a
 * count of *its* unit for the currency, which is not always the ISO minor unit:
 * - zero-decimal currencies are charged in whole units (JPY 500 → 500), even
 *   where ISO gives two decimals (MGA);
 * - ISK and UGX are zero-decimal in practice but Stripe keeps them two-decimal
 *   for backwards compatibility: whole units × 100, always ending in 00
 *   (UGX is also on Stripe's zero-decimal list; its "special cases" section wins);
 * - three-decimal currencies are charged in thousandths whose last digit is 0;
 * - HUF and TWD are only zero-decimal for payouts, which Portico never makes,
 *   so they are charged as the two-decimal currencies they are.
 * Everything else is two-decimal. There is no ×100 anywhere: the factor comes
 * from the two exponents.
 */
const ZERO_DECIMAL = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
const TWO_DECIMAL_WHOLE_UNITS = new Set(['ISK', 'UGX']);
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

/**
 * Stripe's minimum charge per settlement currency, in major units as its table
 * gives them. BGN is in Stripe's table but not a currency here (replaced by EUR).
 * Other currencies must convert to at least USD 0.50 at the day's rate, which
 * only Stripe can check: its `amount_too_small` answer maps to the same error.
 */
const MINIMUM_CHARGE: Readonly<Record<string, number>> = {
  USD: 0.5,
  AED: 2,
  AUD: 0.5,
  BRL: 0.5,
  CAD: 0.5,
  CHF: 0.5,
  CZK: 15,
  DKK: 2.5,
  EUR: 0.5,
  GBP: 0.3,
  HKD: 4,
  HUF: 175,
  INR: 0.5,
  JPY: 50,
  MXN: 10,
  MYR: 2,
  NOK: 3,
  NZD: 0.5,
  PLN: 2,
  RON: 2,
  SEK: 3,
  SGD: 0.5,
  THB: 10,
};

/** How Stripe counts a currency: `decimals` of its unit, and the `step` every amount (in that unit) must be a multiple of. */
export function stripeUnit(currency: string): { decimals: number; step: number } {
  if (ZERO_DECIMAL.has(currency)) return { decimals: 0, step: 1 };
  if (THREE_DECIMAL.has(currency)) return { decimals: 3, step: 10 };
  return { decimals: 2, step: TWO_DECIMAL_WHOLE_UNITS.has(currency) ? 100 : 1 };
}

/** The smallest amount, in ISO minor units, Stripe can charge (or refund) in this currency. */
function chargeableStep(currency: string): number {
  const { decimals, step } = stripeUnit(currency);
  const shift = minorUnits(currency) - decimals;
  return shift >= 0 ? step * 10 ** shift : Math.max(1, step / 10 ** -shift);
}

/**
 * ISO minor units → Stripe's unit. An amount Stripe cannot represent (KWD 1.235,
 * ISK with fractions, MGA with cents) is 422 AMOUNT_NOT_CHARGEABLE with the step.
 */
export function toStripeAmount(amountMinor: number, currency: string): number {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) throw new RangeError(`Not a non-negative amount in minor units: ${amountMinor}`);
  const step = chargeableStep(currency);
  if (amountMinor % step !== 0) {
    throw new Unprocessable('AMOUNT_NOT_CHARGEABLE', `Stripe charges ${currency} in steps of ${formatMoney(step, currency)}.`, {
      currency,
      step,
    });
  }
  const shift = stripeUnit(currency).decimals - minorUnits(currency);
  return shift >= 0 ? amountMinor * 10 ** shift : amountMinor / 10 ** -shift;
}

/** Stripe's unit → ISO minor units. Stripe only reports amounts it could charge, so a remainder is a bug. */
export function fromStripeAmount(stripeAmount: number, currency: string): number {
  const shift = minorUnits(currency) - stripeUnit(currency).decimals;
  const amountMinor = shift >= 0 ? stripeAmount * 10 ** shift : stripeAmount / 10 ** -shift;
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`Stripe amount ${stripeAmount} is not a whole number of ${currency} minor units`);
  return amountMinor;
}

/** Stripe's minimum charge in ISO minor units, when its table states one for the currency. */
export function stripeMinimumCharge(currency: string): number | undefined {
  const major = MINIMUM_CHARGE[currency];
  return major === undefined ? undefined : Number(scaleDecimal(major, minorUnits(currency)));
}

/** The amount Stripe should be asked to charge, or 422 AMOUNT_BELOW_MINIMUM (with the minimum) / AMOUNT_NOT_CHARGEABLE. */
export function chargeAmount(amountMinor: number, currency: string): number {
  const minimum = stripeMinimumCharge(currency);
  if (minimum !== undefined && amountMinor < minimum) throw amountBelowMinimum(currency, minimum);
  return toStripeAmount(amountMinor, currency);
}

export function amountBelowMinimum(currency: string, minimum?: number): Unprocessable {
  return minimum === undefined
    ? new Unprocessable('AMOUNT_BELOW_MINIMUM', `The amount is below the minimum Stripe charges in ${currency}.`, { currency })
    : new Unprocessable('AMOUNT_BELOW_MINIMUM', `Stripe cannot charge less than ${formatMoney(minimum, currency)}.`, { currency, minimum });
}
