import { createHash, randomBytes } from 'node:crypto';

/** What the table stores instead of a bearer secret (invitation token, refresh token). */
export const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A one-time secret for a link: 32 random bytes, base64url. */
export function newSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashOf(secret) };
}
