import { describe, expect, it } from 'vitest';
import { formatMoney, isCurrency, minorUnits } from '../../functions/core/money/currency.ts';

describe('currency', () => {
  it.each([
    ['JPY', 0],
    ['CLP', 0],
    ['KRW', 0],
    ['EUR', 2],
    ['USD', 2],
    ['GBP', 2],
    ['KWD', 3],
    ['BHD', 3],
    ['TND', 3],
    ['CLF', 4],
    ['UYW', 4],
  ])('%s has %i minor digits', (code, exponent) => {
    expect(minorUnits(code)).toBe(exponent);
  });

  it('knows active codes only, case-sensitively', () => {
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('XCG')).toBe(true);
    expect(isCurrency('eur')).toBe(false);
    expect(isCurrency('HRK')).toBe(false); // withdrawn
    expect(isCurrency('XAU')).toBe(false); // no minor unit
    expect(isCurrency('toString')).toBe(false);
    expect(() => minorUnits('ABC')).toThrow(RangeError);
  });

  it.each([
    [123450, 'EUR', 'EUR 1,234.50'],
    [1235, 'JPY', 'JPY 1,235'],
    [1235, 'KWD', 'KWD 1.235'],
    [5, 'USD', 'USD 0.05'],
    [-5, 'USD', 'USD -0.05'],
    [0, 'EUR', 'EUR 0.00'],
    [0, 'JPY', 'JPY 0'],
    [100, 'JPY', 'JPY 100'],
    [123456789, 'USD', 'USD 1,234,567.89'],
    [-100000000, 'BHD', 'BHD -100,000.000'],
    [12345678, 'CLF', 'CLF 1,234.5678'],
    [Number.MAX_SAFE_INTEGER, 'USD', 'USD 90,071,992,547,409.91'],
  ])('formats %i %s as %s', (amount, currency, expected) => {
    expect(formatMoney(amount, currency)).toBe(expected);
  });

  it('refuses non-integer amounts', () => {
    expect(() => formatMoney(1.5, 'EUR')).toThrow(RangeError);
  });
});
