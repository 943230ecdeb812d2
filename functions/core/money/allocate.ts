/**
 * Splits a non-negative `total` across non-negative `weights` in proportion,
 * by the largest-remainder method: every part gets its floor, then the units
 * left over go one each to the largest remainders. The parts always sum to
 * `total`; equal remainders favour the earlier weight, so the split is
 * deterministic, and a zero weight always gets zero.
 */
export function allocateLargestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n || weights.some((weight) => weight < 0n)) {
    throw new RangeError('Allocation needs a non-negative total and weights.');
  }
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) {
    if (total !== 0n) throw new RangeError('Cannot allocate a non-zero total over zero weights.');
    return weights.map(() => 0n);
  }
  const parts = weights.map((weight) => (total * weight) / weightSum);
  let left = total - parts.reduce((sum, part) => sum + part, 0n);
  const byRemainder = weights
    .map((weight, index) => ({ index, remainder: (total * weight) % weightSum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  // `left` is below the count of non-zero remainders, so this never wraps around.
  for (const { index } of byRemainder) {
    if (left === 0n) break;
    parts[index]! += 1n;
    left -= 1n;
  }
  return parts;
}
