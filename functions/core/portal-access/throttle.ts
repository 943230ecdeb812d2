import { clock } from '../clock.ts';
import { config } from '../config.ts';
import { keys } from '../db/keys.ts';
import { DomainError, TooManyRequests } from '../errors.ts';
import { count } from '../metrics.ts';
import { countAttempt, releaseAttempt } from './attempt-counters.ts';

/** Fixed windows of 15 minutes. */
export const ATTEMPT_WINDOW_SECONDS = 900;
/** Failed guesses per (what is guessed, email or token, source address): low, so guessing from one address stops soon. */
export const FAILURES_PER_ADDRESS = 10;
/** Failed guesses per (what is guessed, email or token) from every address: higher, so one address's failures never lock the owner out at another. */
export const FAILURES_PER_SUBJECT = 100;
/** Reset codes asked for per email: asking guesses nothing, and never counts against confirming. */
export const RESET_REQUESTS_PER_EMAIL = 10;
/** Requests of any kind per source address, unless the operator sets `PORTAL_ATTEMPTS_PER_ADDRESS`. */
const DEFAULT_ATTEMPTS_PER_ADDRESS = 50;

/**
 * What is being guessed, counted apart: a password (sign-in, new password), a
 * code of the authenticator app (challenge answers, which need a session Cognito
 * issued for the password), a reset code, an invitation token.
 */
export type GuessKind = 'password' | 'challenge' | 'reset' | 'invitation';

const attemptsPerAddress = () => Number(config('portalPool').PORTAL_ATTEMPTS_PER_ADDRESS ?? DEFAULT_ATTEMPTS_PER_ADDRESS);

function currentWindow() {
  const now = clock.epochSeconds();
  const start = now - (now % ATTEMPT_WINDOW_SECONDS);
  return { now, start, end: start + ATTEMPT_WINDOW_SECONDS };
}

function refused(window: { now: number; end: number }): never {
  count('AttemptsThrottled');
  throw new TooManyRequests(window.end - window.now);
}

/** The counter of one subject's failures in a window: from every address, or (with `sourceIp`) from one. */
export const failureCounter = (orgId: string, kind: GuessKind, subject: string, windowStart: number, sourceIp?: string) =>
  keys.portalAttempts(orgId, sourceIp === undefined ? `${kind}:${subject}` : `${kind}:${subject}:from:${sourceIp}`, windowStart);

/**
 * Runs one guess at a portal's unauthenticated routes, before anything is
 * looked up, so a known and an unknown email are treated alike. `subject` is
 * the email the guess is about (or the invitation token's hash). The guess
 * takes a slot in two failure counters first — per (subject, address) and per
 * subject — conditionally, so concurrent guesses never pass a limit, and gives
 * both back when it succeeds: only failures stay counted, and the owner's
 * right password from an address that has not failed gets in. Over a limit:
 * 429 with the seconds to the window's end.
 */
export async function guarded<T>(orgId: string, kind: GuessKind, subject: string, sourceIp: string, guess: () => Promise<T>): Promise<T> {
  const window = currentWindow();
  if (!(await countAttempt(keys.addressAttempts(sourceIp, window.start), attemptsPerAddress(), window.end))) refused(window);
  const fromAddress = failureCounter(orgId, kind, subject, window.start, sourceIp);
  const fromAnywhere = failureCounter(orgId, kind, subject, window.start);
  if (!(await countAttempt(fromAddress, FAILURES_PER_ADDRESS, window.end))) refused(window);
  if (!(await countAttempt(fromAnywhere, FAILURES_PER_SUBJECT, window.end))) {
    await releaseAttempt(fromAddress);
    refused(window);
  }
  try {
    const result = await guess();
    await Promise.all([releaseAttempt(fromAddress), releaseAttempt(fromAnywhere)]);
    return result;
  } catch (error) {
    // A wrong guess stays counted; Portico's own fault or Cognito's throttling is not the guesser's failure.
    if (!isWrongGuess(error)) await Promise.all([releaseAttempt(fromAddress), releaseAttempt(fromAnywhere)]);
    throw error;
  }
}

const isWrongGuess = (error: unknown) => error instanceof DomainError && error.status < 500 && error.status !== 429;

/** Counts a request for a reset code: per email and per address, apart from the code's confirmation. */
export async function throttleResetRequest(orgId: string, email: string, sourceIp: string): Promise<void> {
  const window = currentWindow();
  const admitted =
    (await countAttempt(keys.addressAttempts(sourceIp, window.start), attemptsPerAddress(), window.end)) &&
    (await countAttempt(keys.portalAttempts(orgId, `reset-request:${email}`, window.start), RESET_REQUESTS_PER_EMAIL, window.end));
  if (!admitted) refused(window);
}
