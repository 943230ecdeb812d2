import { describe, expect, it } from 'vitest';
import { scaleDecimal } from '../../functions/core/money/decimal.ts';

describe('scaleDecimal', () => {
  it.each([
    [7.25, 4, 72500n],
    [0.07, 2, 7n],
    [0.0001, 4, 1n],
    [100, 2, 10000n],
    [-2.5, 4, -25000n],
    [0, 4, 0n],
    [1e21, 4, 10n ** 25n],
    [1.5e-7, 8, 15n],
  ])('%d with %i places is %s', (value, places, expected) => {
    expect(scaleDecimal(value, places)).toBe(expected);
  });

  it.each([
    [1.00001, 4],
    [1e-7, 4],
    [0.1 + 0.2, 4], // 0.30000000000000004
    [Number.NaN, 4],
    [Number.POSITIVE_INFINITY, 4],
  ])('rejects %d with %i places', (value, places) => {
    expect(scaleDecimal(value, places)).toBeUndefined();
  });
});
