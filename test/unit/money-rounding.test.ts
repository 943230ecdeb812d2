import { describe, expect, it } from 'vitest';
import { roundHalfAwayFromZero } from '../../functions/core/money/rounding.ts';

describe('roundHalfAwayFromZero', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [7n, 2n, 4n],
    [-7n, 2n, -4n],
    [1n, 2n, 1n],
    [-1n, 2n, -1n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
    [-1n, 3n, 0n],
    [-2n, 3n, -1n],
    [0n, 5n, 0n],
    [10n, 5n, 2n],
    [14_999n, 10_000n, 1n],
    [15_000n, 10_000n, 2n],
    [25_000n, 10_000n, 3n],
  ])('%s / %s → %s', (numerator, denominator, expected) => {
    expect(roundHalfAwayFromZero(numerator, denominator)).toBe(expected);
  });

  it('needs a positive denominator', () => {
    expect(() => roundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
    expect(() => roundHalfAwayFromZero(1n, -2n)).toThrow(RangeError);
  });
});
