/**
 * What runs when an invocation ends. The metrics module registers its flush
 * here when a function's code first loads it, so a function that counts
 * nothing (the portal's reading function) carries no metrics library.
 */
const flushes = new Set<() => void>();

export const flushAtInvocationEnd = (flush: () => void) => {
  flushes.add(flush);
};

/** Runs one invocation and then writes what it counted, however it ended. */
export async function withMetrics<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    for (const flush of flushes) flush();
  }
}
