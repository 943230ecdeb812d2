import type * as z from 'zod/mini';

/*
 * Schemas shared across routes are declared lazily (`z.lazy(() => …)`): a
 * function builds, on first use, only the schemas its requests touch. Built at
 * import, every schema its routes' modules declared cost each cold start of the
 * portal's reading function about 10 ms (docs/bundles-and-benchmarks.md).
 * Each declaration is marked `/* @__PURE__ *\/`, so the bundler drops the
 * schemas no route of a function names (a call is otherwise kept as if it had
 * effects); building one has none.
 */

/** The schema a lazy one stands for, built now: to extend, pick from or read the shape of it inside another lazy schema. */
export const built = <T extends z.core.SomeType>(schema: z.ZodMiniLazy<T>): T => schema._zod.innerType;
