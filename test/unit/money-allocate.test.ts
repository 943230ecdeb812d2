import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateLargestRemainder } from '../../functions/core/money/allocate.ts';

describe('allocateLargestRemainder', () => {
  it('gives leftover units to the largest remainders', () => {
    // 100 × 1/3 = 33.33 each; one unit left, all remainders equal → the first weight
    expect(allocateLargestRemainder(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    // 10 by 3/5/2: 3, 5, 2 exactly
    expect(allocateLargestRemainder(10n, [3n, 5n, 2n])).toEqual([3n, 5n, 2n]);
    // Only the ratio of the weights matters: 7 by 10/20/40 is 1, 2, 4
    expect(allocateLargestRemainder(7n, [10n, 20n, 40n])).toEqual([1n, 2n, 4n]);
    // 5 by 1/1/2 of 4: 1.25, 1.25, 2.5 → floors 1, 1, 2 rem 1, 1, 2 (of 4) → third gets the unit
    expect(allocateLargestRemainder(5n, [1n, 1n, 2n])).toEqual([1n, 1n, 3n]);
  });

  it('never gives anything to a zero weight', () => {
    expect(allocateLargestRemainder(3n, [0n, 1n, 0n, 1n])).toEqual([0n, 2n, 0n, 1n]);
    expect(allocateLargestRemainder(0n, [0n, 0n])).toEqual([0n, 0n]);
    expect(allocateLargestRemainder(0n, [])).toEqual([]);
  });

  it('refuses what it cannot split', () => {
    expect(() => allocateLargestRemainder(1n, [0n, 0n])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(-1n, [1n])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(1n, [2n, -1n])).toThrow(RangeError);
  });

  it('sums to the total, each part within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          fc.pre(weights.some((weight) => weight > 0n));
          const parts = allocateLargestRemainder(total, weights);
          const weightSum = weights.reduce((a, b) => a + b, 0n);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
          parts.forEach((part, index) => {
            const floor = (total * weights[index]!) / weightSum;
            expect(part === floor || part === floor + 1n).toBe(true);
          });
        },
      ),
    );
  });
});
