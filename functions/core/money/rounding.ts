/**
 * The one rounding rule for money: numerator / denominator rounded half away
 * from zero to an integer (of minor units). 5/2 → 3, -5/2 → -3, 7/3 → 2.
 */
export function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('The denominator must be positive.');
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator % denominator; // carries the numerator's sign
  const twiceRemainder = remainder < 0n ? -2n * remainder : 2n * remainder;
  if (twiceRemainder < denominator) return quotient;
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}
