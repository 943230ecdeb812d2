import { randomBytes } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Ids shaped like Stripe's: a prefix and 24 base-62 characters (`cs_test_a1B…`, `pi_3Q…`). */
export function stripeId(prefix: string): string {
  let id = '';
  for (const byte of randomBytes(24)) id += alphabet[byte % alphabet.length];
  return `${prefix}_${id}`;
}

export const unixNow = () => Math.floor(Date.now() / 1000);
