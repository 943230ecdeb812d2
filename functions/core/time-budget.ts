import { invocationScoped } from './invocation-scope.ts';

/**
 * How long one invocation may run, and what fits inside it. The stack gives
 * every request function this timeout; everything that waits (Stripe calls and
 * their retries, an idempotency key's in-progress lease) is sized from it, so
 * nothing outlives the invocation that started it.
 */
export const FUNCTION_TIMEOUT_SECONDS = 10;

/** Stripe: one attempt's timeout and the retries after it, together well inside the function's timeout. */
export const STRIPE_TIMEOUT_MS = 2_500;
export const STRIPE_RETRIES = 1;

/**
 * An idempotency key is held while its first request runs, for at most the
 * function's timeout: by then the invocation has answered or been stopped, so a
 * request that died (timed out, crashed) frees its key for the client's retry.
 */
export const IN_PROGRESS_LEASE_MS = FUNCTION_TIMEOUT_SECONDS * 1_000;

const invocationDeadline = invocationScoped<number>();

/** Runs one invocation's work knowing when Lambda stops it (a context without the clock, as some callers pass, gets a whole timeout). */
export const withinInvocation = <T>(context: { getRemainingTimeInMillis?: () => number }, run: () => T): T =>
  invocationDeadline.run(Date.now() + (context.getRemainingTimeInMillis?.() ?? FUNCTION_TIMEOUT_SECONDS * 1_000), run);

/** What is left of the current invocation; outside one (scripts, tests), a whole function timeout. */
export const invocationTimeLeftMs = (): number => (invocationDeadline.get() ?? Date.now() + FUNCTION_TIMEOUT_SECONDS * 1_000) - Date.now();
