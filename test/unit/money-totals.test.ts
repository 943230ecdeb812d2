import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Unprocessable } from '../../functions/core/errors.ts';
import { formatMoney } from '../../functions/core/money/currency.ts';
import { computeTotals, type TotalsInput } from '../../functions/core/money/totals.ts';
import { MAX_AMOUNT } from '../../functions/core/shapes.ts';

function errorCode(input: TotalsInput): string | undefined {
  try {
    computeTotals(input);
  } catch (error) {
    expect(error).toBeInstanceOf(Unprocessable);
    return (error as Unprocessable).code;
  }
  return undefined;
}

describe('computeTotals fixtures', () => {
  it('EUR, rates 19/7/0, a line discount, tax rounded per rate', () => {
    const totals = computeTotals({
      currency: 'EUR',
      lines: [
        { quantity: 3, unitPrice: 1999, taxRate: 19 }, // 3 × 1999 = 5997
        { quantity: 2.5, unitPrice: 1234, discount: 10, taxRate: 7 }, // 2.5 × 1234 = 3085, × 0.9 = 2776.5 → 2777
        { quantity: 1, unitPrice: 1000 }, // no rate = 0 %: 1000
        { quantity: 0.3333, unitPrice: 999, taxRate: 19 }, // 332.9667 → 333
      ],
    });
    // subtotal 5997 + 2777 + 1000 + 333 = 10107
    // 7 %: 2777 × 0.07 = 194.39 → 194
    // 19 %: (5997 + 333) × 0.19 = 6330 × 0.19 = 1202.7 → 1203 (per line would give 1139 + 63 = 1202)
    //   shares: 1203 × 5997 / 6330 = 1139 rem 4521, 1203 × 333 / 6330 = 63 rem 1809 → the 1 left goes to line 1: 1140, 63
    // tax 0 + 194 + 1203 = 1397; total 10107 + 1397 = 11504
    expect(totals).toEqual({
      subtotal: 10107,
      discountTotal: 0,
      taxableTotal: 10107,
      taxTotal: 1397,
      total: 11504,
      taxes: [
        { code: 'zero', rate: 0, taxable: 1000, tax: 0 },
        { code: 'standard', rate: 7, taxable: 2777, tax: 194 },
        { code: 'standard', rate: 19, taxable: 6330, tax: 1203 },
      ],
      lines: [
        { net: 5997, discount: 0, tax: 1140, total: 7137 },
        { net: 2777, discount: 0, tax: 194, total: 2971 },
        { net: 1000, discount: 0, tax: 0, total: 1000 },
        { net: 333, discount: 0, tax: 63, total: 396 },
      ],
    });
    expect(formatMoney(totals.total, 'EUR')).toBe('EUR 115.04');
  });

  it('EUR, document percent discount allocated by largest remainder', () => {
    const totals = computeTotals({
      currency: 'EUR',
      lines: [
        { quantity: 1, unitPrice: 10000, taxRate: 19 },
        { quantity: 1, unitPrice: 5000, taxRate: 7 },
        { quantity: 1, unitPrice: 2500, taxRate: 19 },
      ],
      discount: { type: 'percent', value: 12.5 },
    });
    // subtotal 17500; discount 17500 × 0.125 = 2187.5 → 2188
    // shares of 2188 by 10000/5000/2500 of 17500: 1250 rem 5000, 625 rem 2500, 312 rem 10000 → +1 to line 3
    // taxable 8750, 4375, 2187
    // 7 %: 4375 × 0.07 = 306.25 → 306
    // 19 %: (8750 + 2187) × 0.19 = 10937 × 0.19 = 2078.03 → 2078
    //   shares: 2078 × 8750 / 10937 = 1662 rem 5206, 2078 × 2187 / 10937 = 415 rem 5731 → +1 to line 3
    // total 17500 − 2188 + 306 + 2078 = 17696
    expect(totals).toEqual({
      subtotal: 17500,
      discountTotal: 2188,
      taxableTotal: 15312,
      taxTotal: 2384,
      total: 17696,
      taxes: [
        { code: 'standard', rate: 7, taxable: 4375, tax: 306 },
        { code: 'standard', rate: 19, taxable: 10937, tax: 2078 },
      ],
      lines: [
        { net: 10000, discount: 1250, tax: 1662, total: 10412 },
        { net: 5000, discount: 625, tax: 306, total: 4681 },
        { net: 2500, discount: 313, tax: 416, total: 2603 },
      ],
    });
  });

  it('JPY (0 decimals), document amount discount', () => {
    const totals = computeTotals({
      currency: 'JPY',
      lines: [
        { quantity: 3, unitPrice: 1500, taxRate: 10 }, // 4500
        { quantity: 1, unitPrice: 800, taxRate: 8 }, // 800
      ],
      discount: { type: 'amount', value: 1000 },
    });
    // subtotal 5300; shares of 1000: 4500 → 849 rem 300, 800 → 150 rem 5000 → +1 to line 2: 849, 151
    // 8 %: 649 × 0.08 = 51.92 → 52; 10 %: 3651 × 0.10 = 365.1 → 365
    // total 5300 − 1000 + 417 = 4717
    expect(totals).toEqual({
      subtotal: 5300,
      discountTotal: 1000,
      taxableTotal: 4300,
      taxTotal: 417,
      total: 4717,
      taxes: [
        { code: 'standard', rate: 8, taxable: 649, tax: 52 },
        { code: 'standard', rate: 10, taxable: 3651, tax: 365 },
      ],
      lines: [
        { net: 4500, discount: 849, tax: 365, total: 4016 },
        { net: 800, discount: 151, tax: 52, total: 701 },
      ],
    });
    expect(formatMoney(totals.total, 'JPY')).toBe('JPY 4,717');
  });

  it('KWD (3 decimals), a 4-decimal tax rate', () => {
    const totals = computeTotals({
      currency: 'KWD',
      lines: [
        { quantity: 1.5, unitPrice: 12345, taxRate: 5 }, // 18517.5 → 18518
        { quantity: 2, unitPrice: 1000, taxRate: 12.3456 }, // 2000
      ],
    });
    // 5 %: 18518 × 0.05 = 925.9 → 926; 12.3456 %: 2000 × 0.123456 = 246.912 → 247
    // total 20518 + 1173 = 21691
    expect(totals.taxes).toEqual([
      { code: 'standard', rate: 5, taxable: 18518, tax: 926 },
      { code: 'standard', rate: 12.3456, taxable: 2000, tax: 247 },
    ]);
    expect(totals.total).toBe(21691);
    expect(formatMoney(totals.total, 'KWD')).toBe('KWD 21.691');
  });

  it('rounds halves away from zero at each rounding point', () => {
    // Net: 0.5 × 1 = 0.5 → 1; 2.5 × 1 = 2.5 → 3 (not 2, as banker's rounding would give); 0.0001 × 5000 = 0.5 → 1
    const nets = computeTotals({
      currency: 'USD',
      lines: [
        { quantity: 0.5, unitPrice: 1 },
        { quantity: 2.5, unitPrice: 1 },
        { quantity: 0.0001, unitPrice: 5000 },
      ],
    });
    expect(nets.lines.map((line) => line.net)).toEqual([1, 3, 1]);
    // Tax: 250 × 1 % = 2.5 → 3
    expect(computeTotals({ currency: 'USD', lines: [{ quantity: 1, unitPrice: 250, taxRate: 1 }] }).taxTotal).toBe(3);
    // Percent discount: 10 × 5 % = 0.5 → 1
    expect(computeTotals({ currency: 'USD', lines: [{ quantity: 1, unitPrice: 10 }], discount: { type: 'percent', value: 5 } }).discountTotal).toBe(1);
  });

  it('reads quantities as decimals, not floats', () => {
    // 0.5005 × 1000 is 500.49999999999994 in floating point; exactly it is 500.5 → 501
    expect(computeTotals({ currency: 'EUR', lines: [{ quantity: 0.5005, unitPrice: 1000 }] }).subtotal).toBe(501);
  });

  it('a 100 % discount leaves nothing to tax', () => {
    const totals = computeTotals({
      currency: 'EUR',
      lines: [{ quantity: 1, unitPrice: 999, taxRate: 19 }],
      discount: { type: 'percent', value: 100 },
    });
    expect(totals).toMatchObject({ subtotal: 999, discountTotal: 999, taxTotal: 0, total: 0 });
  });

  it('no lines is all zeros', () => {
    expect(computeTotals({ currency: 'EUR', lines: [] })).toEqual({
      subtotal: 0,
      discountTotal: 0,
      taxableTotal: 0,
      taxTotal: 0,
      total: 0,
      taxes: [],
      lines: [],
    });
  });
});

describe('computeTotals validation', () => {
  const line = { quantity: 1, unitPrice: 100 };
  it.each([
    ['more than 4 quantity decimals', { currency: 'EUR', lines: [{ ...line, quantity: 1.00001 }] }, 'INVALID_QUANTITY'],
    ['zero quantity', { currency: 'EUR', lines: [{ ...line, quantity: 0 }] }, 'INVALID_QUANTITY'],
    ['negative quantity', { currency: 'EUR', lines: [{ ...line, quantity: -1 }] }, 'INVALID_QUANTITY'],
    ['NaN quantity', { currency: 'EUR', lines: [{ ...line, quantity: Number.NaN }] }, 'INVALID_QUANTITY'],
    ['fractional unit price', { currency: 'EUR', lines: [{ ...line, unitPrice: 1.5 }] }, 'INVALID_UNIT_PRICE'],
    ['negative unit price', { currency: 'EUR', lines: [{ ...line, unitPrice: -1 }] }, 'INVALID_UNIT_PRICE'],
    ['line discount over 100', { currency: 'EUR', lines: [{ ...line, discount: 100.01 }] }, 'INVALID_DISCOUNT'],
    ['negative line discount', { currency: 'EUR', lines: [{ ...line, discount: -1 }] }, 'INVALID_DISCOUNT'],
    ['line discount with 3 decimals', { currency: 'EUR', lines: [{ ...line, discount: 10.005 }] }, 'INVALID_DISCOUNT'],
    ['tax rate over 100', { currency: 'EUR', lines: [{ ...line, taxRate: 100.0001 }] }, 'INVALID_TAX_RATE'],
    ['tax rate with 5 decimals', { currency: 'EUR', lines: [{ ...line, taxRate: 7.00001 }] }, 'INVALID_TAX_RATE'],
    ['document percent over 100', { currency: 'EUR', lines: [line], discount: { type: 'percent', value: 101 } }, 'INVALID_DISCOUNT'],
    ['fractional amount discount', { currency: 'EUR', lines: [line], discount: { type: 'amount', value: 1.5 } }, 'INVALID_DISCOUNT'],
    ['amount discount over subtotal', { currency: 'EUR', lines: [line], discount: { type: 'amount', value: 101 } }, 'DISCOUNT_EXCEEDS_SUBTOTAL'],
    ['unknown currency', { currency: 'XXX', lines: [line] }, 'UNSUPPORTED_CURRENCY'],
    ['unit price over the largest amount', { currency: 'EUR', lines: [{ quantity: 1, unitPrice: MAX_AMOUNT + 1 }] }, 'INVALID_UNIT_PRICE'],
    ['unit price over 2^53', { currency: 'EUR', lines: [{ quantity: 1, unitPrice: 2 ** 60 }] }, 'INVALID_UNIT_PRICE'],
    ['subtotal over the largest amount', { currency: 'EUR', lines: [{ quantity: 2, unitPrice: MAX_AMOUNT }] }, 'AMOUNT_TOO_LARGE'],
    ['total over the largest amount by tax', { currency: 'EUR', lines: [{ quantity: 1, unitPrice: MAX_AMOUNT, taxRate: 1 }] }, 'AMOUNT_TOO_LARGE'],
  ] satisfies [string, TotalsInput, string][])('rejects %s', (_name, input, code) => {
    expect(errorCode(input)).toBe(code);
  });

  it('accepts an amount discount equal to the subtotal', () => {
    expect(computeTotals({ currency: 'EUR', lines: [line], discount: { type: 'amount', value: 100 } }).total).toBe(0);
  });

  it('names the offending field', () => {
    expect(() => computeTotals({ currency: 'EUR', lines: [line, { ...line, unitPrice: -5 }] })).toThrow(
      expect.objectContaining({ details: { field: 'lines[1].unitPrice' } }),
    );
  });
});

describe('computeTotals invariants', () => {
  const lineArb = fc.record(
    {
      // Within the largest amount even for 20 lines at 100% tax.
      quantity: fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 10_000),
      unitPrice: fc.integer({ min: 0, max: 100_000_000 }),
      discount: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
      // Mostly shared rates, so several lines fall under one rate.
      taxRate: fc.oneof(
        fc.constantFrom(0, 5, 7, 7.5, 19, 20),
        fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 10_000),
      ),
    },
    { requiredKeys: ['quantity', 'unitPrice'] },
  );
  const inputArb = fc.record({
    currency: fc.constantFrom('EUR', 'JPY', 'KWD', 'USD', 'CLF'),
    lines: fc.array(lineArb, { maxLength: 20 }),
    discountKind: fc.constantFrom('none', 'percent', 'amount'),
    discountPercent: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
    discountShare: fc.integer({ min: 0, max: 1000 }),
  });

  it('lines add up to the document, taxes to the tax total', () => {
    fc.assert(
      fc.property(inputArb, ({ currency, lines, discountKind, discountPercent, discountShare }) => {
        const base: TotalsInput = { currency, lines };
        const subtotal = computeTotals(base).subtotal;
        const input: TotalsInput =
          discountKind === 'percent'
            ? { ...base, discount: { type: 'percent', value: discountPercent } }
            : discountKind === 'amount'
              ? { ...base, discount: { type: 'amount', value: Math.floor(subtotal / 1000) * discountShare } }
              : base;
        const totals = computeTotals(input);
        const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

        expect(sum(totals.lines.map((line) => line.total))).toBe(totals.total);
        expect(sum(totals.taxes.map((tax) => tax.tax))).toBe(totals.taxTotal);
        expect(totals.total).toBe(totals.subtotal - totals.discountTotal + totals.taxTotal);
        expect(sum(totals.lines.map((line) => line.net))).toBe(totals.subtotal);
        expect(sum(totals.lines.map((line) => line.discount))).toBe(totals.discountTotal);
        expect(sum(totals.taxes.map((tax) => tax.taxable))).toBe(totals.taxableTotal);
        for (const line of totals.lines) {
          expect(line.total).toBe(line.net - line.discount + line.tax);
          expect(line.discount).toBeLessThanOrEqual(line.net);
          expect(line.tax).toBeGreaterThanOrEqual(0);
        }
        const rates = totals.taxes.map((tax) => tax.rate);
        expect(rates).toEqual([...rates].sort((a, b) => a - b));
      }),
      { numRuns: 500 },
    );
  });
});
