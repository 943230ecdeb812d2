/**
 * Reads a number as the decimal it was written as and scales it to an integer
 * with `places` decimals: scaleDecimal(7.25, 4) === 72500n. Goes through the
 * shortest round-trip string, never float multiplication (0.07 * 100 is
 * 7.000000000000001). Returns undefined when the value is not finite or has
 * more than `places` decimals.
 */
export function scaleDecimal(value: number, places: number): bigint | undefined {
  if (!Number.isFinite(value)) return undefined;
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) return undefined;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  // The value is digits × 10^-decimals; the shortest form never ends a fraction in 0.
  const decimals = fraction.length - Number(exponent);
  if (decimals > places) return undefined;
  const scaled = BigInt(whole + fraction) * 10n ** BigInt(places - decimals);
  return sign === '-' ? -scaled : scaled;
}
