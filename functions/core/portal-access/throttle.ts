import { clock } from '../clock.ts';
import { config } from '../config.ts';
import { keys } from '../db/keys.ts';
import { TooManyRequests } from '../errors.ts';
import { count } from '../metrics.ts';
import { countAttempt } from './attempt-counters.ts';

/** Fixed windows of 15 minutes: at most 10 attempts per (portal, email, kind of attempt) and, by default, 50 per source address. */
export const ATTEMPT_WINDOW_SECONDS = 900;
export const ATTEMPTS_PER_SUBJECT = 10;
const DEFAULT_ATTEMPTS_PER_ADDRESS = 50;

/**
 * What is being guessed, counted apart: a password (sign-in, new password), a
 * code of the authenticator app (challenge answers, which need a session Cognito
 * issued for the password), a reset code (request and confirm), an invitation token.
 */
export type AttemptKind = 'password' | 'challenge' | 'reset' | 'invitation';

const attemptsPerAddress = () => Number(config('portalPool').PORTAL_ATTEMPTS_PER_ADDRESS ?? DEFAULT_ATTEMPTS_PER_ADDRESS);

/**
 * Counts an attempt at one of a portal's unauthenticated routes, before
 * anything is looked up, so a known and an unknown email are throttled alike.
 * `subject` is the email the attempt is about (or the invitation's token hash).
 * Over either limit: 429 with the seconds to the window's end.
 */
export async function throttleAttempt(orgId: string, kind: AttemptKind, subject: string, sourceIp: string): Promise<void> {
  const now = clock.epochSeconds();
  const windowStart = now - (now % ATTEMPT_WINDOW_SECONDS);
  const windowEnd = windowStart + ATTEMPT_WINDOW_SECONDS;
  const admitted =
    (await countAttempt(keys.addressAttempts(sourceIp, windowStart), attemptsPerAddress(), windowEnd)) &&
    (await countAttempt(keys.portalAttempts(orgId, `${kind}:${subject}`, windowStart), ATTEMPTS_PER_SUBJECT, windowEnd));
  if (admitted) return;
  count('AttemptsThrottled');
  throw new TooManyRequests(windowEnd - now);
}
