import { describe, expect, it } from 'vitest';
import { DomainError } from '../../functions/core/errors.ts';
import { chargeAmount, fromStripeAmount, stripeMinimumCharge, stripeUnit, toStripeAmount } from '../../functions/core/money/stripe-amounts.ts';

const domainError = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { status: error.status, ...error.toJSON().error };
    throw error;
  }
  throw new Error('expected a domain error');
};

describe('Stripe amounts', () => {
  it.each([
    // [ISO minor units, currency, Stripe's unit]
    [1234, 'USD', 1234], // two-decimal: cents both ways
    [500, 'JPY', 500], // ¥500 is charged as 500 yen, not 50,000 hundredths
    [1_000_000, 'KRW', 1_000_000],
    [5000, 'CLP', 5000],
    [123400, 'MGA', 1234], // ISO keeps two decimals, Stripe charges whole ariary
    [5, 'ISK', 500], // two-decimal for backwards compatibility, whole krónur only
    [5000, 'UGX', 500000],
    [1230, 'KWD', 1230], // thousandths, last digit 0
    [17500, 'HUF', 17500], // two-decimal for charges; only payouts are zero-decimal
    [100, 'TWD', 100],
    [0, 'EUR', 0],
  ])('%i minor units of %s are %i in Stripe', (amountMinor, currency, stripeAmount) => {
    expect(toStripeAmount(amountMinor, currency)).toBe(stripeAmount);
    expect(fromStripeAmount(stripeAmount, currency)).toBe(amountMinor);
  });

  it('states each currency’s unit and step', () => {
    expect(stripeUnit('JPY')).toEqual({ decimals: 0, step: 1 });
    expect(stripeUnit('KWD')).toEqual({ decimals: 3, step: 10 });
    expect(stripeUnit('BHD')).toEqual({ decimals: 3, step: 10 });
    expect(stripeUnit('ISK')).toEqual({ decimals: 2, step: 100 });
    expect(stripeUnit('EUR')).toEqual({ decimals: 2, step: 1 });
  });

  it.each([
    [1235, 'KWD', 10, 'KWD 0.010'],
    [1001, 'TND', 10, 'TND 0.010'],
    [123450, 'MGA', 100, 'MGA 1.00'],
  ])('refuses %i %s: Stripe charges it in steps of %i minor units', (amountMinor, currency, step, formatted) => {
    expect(domainError(() => toStripeAmount(amountMinor, currency))).toEqual({
      status: 422,
      code: 'AMOUNT_NOT_CHARGEABLE',
      message: `Stripe charges ${currency} in steps of ${formatted}.`,
      details: { currency, step },
    });
  });

  it('treats an amount Stripe reports that our currency cannot hold as a bug', () => {
    expect(() => fromStripeAmount(550, 'ISK')).toThrow(RangeError);
    expect(() => fromStripeAmount(1, 'MGA')).not.toThrow();
    expect(() => toStripeAmount(1.5, 'EUR')).toThrow(RangeError);
    expect(() => toStripeAmount(-100, 'EUR')).toThrow(RangeError);
  });

  it.each([
    ['USD', 50],
    ['EUR', 50],
    ['GBP', 30],
    ['JPY', 50],
    ['HUF', 17500],
    ['CZK', 1500],
    ['DKK', 250],
    ['HKD', 400],
    ['MXN', 1000],
    ['THB', 1000],
    ['AED', 200],
    ['INR', 50],
  ])('knows Stripe’s minimum charge in %s: %i minor units', (currency, minimum) => {
    expect(stripeMinimumCharge(currency)).toBe(minimum);
  });

  it('has no static minimum where Stripe converts to USD at the day’s rate', () => {
    expect(stripeMinimumCharge('KWD')).toBeUndefined();
    expect(stripeMinimumCharge('KRW')).toBeUndefined();
  });

  it('refuses a charge below the minimum with 422 AMOUNT_BELOW_MINIMUM and the minimum', () => {
    expect(domainError(() => chargeAmount(49, 'USD'))).toEqual({
      status: 422,
      code: 'AMOUNT_BELOW_MINIMUM',
      message: 'Stripe cannot charge less than USD 0.50.',
      details: { currency: 'USD', minimum: 50 },
    });
    expect(domainError(() => chargeAmount(49, 'JPY'))).toMatchObject({ code: 'AMOUNT_BELOW_MINIMUM', details: { currency: 'JPY', minimum: 50 } });
    expect(domainError(() => chargeAmount(29, 'GBP'))).toMatchObject({ details: { minimum: 30 } });
    expect(chargeAmount(50, 'USD')).toBe(50);
    expect(chargeAmount(50, 'JPY')).toBe(50);
    expect(chargeAmount(30, 'GBP')).toBe(30);
    expect(chargeAmount(10, 'KWD')).toBe(10);
  });
});
