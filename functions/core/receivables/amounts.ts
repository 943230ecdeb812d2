import { Unprocessable } from '../errors.ts';

/** An integer amount of minor units, at least `min`. */
export function minorAmount(value: number, min: number, field: string, details?: Record<string, unknown>): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Unprocessable('INVALID_AMOUNT', `${field} must be an integer amount in minor units of at least ${min}.`, {
      field,
      ...details,
    });
  }
  return value;
}

/** Sums stay exact only below 2^53, so a sum that leaves that range is refused rather than rounded. */
export function addMinor(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) {
    throw new Unprocessable('AMOUNT_TOO_LARGE', 'A sum exceeds the largest supported amount.');
  }
  return sum;
}
