/**
 * The one way Portico tries again: a bounded number of attempts with
 * exponential backoff and full jitter (a random wait up to the doubled cap),
 * so writers that lost a race spread out instead of colliding again.
 */
export interface RetryOptions {
  /** Whether a failure is worth another attempt (a lost race, throttling); anything else is thrown at once. */
  retryOn: (error: unknown) => boolean;
  /** Including the first; 5 unless told. */
  attempts?: number;
  /** The first wait's cap; it doubles per attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export async function retrying<T>(attempt: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { retryOn, attempts = 5, baseDelayMs = 20, maxDelayMs = 1_000 } = options;
  for (let count = 1; ; count++) {
    try {
      return await attempt(count);
    } catch (error) {
      if (count >= attempts || !retryOn(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** count)));
    }
  }
}
