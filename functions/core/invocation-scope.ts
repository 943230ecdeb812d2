import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * State that belongs to one invocation (its deadline, its log fields). Lambda
 * hands a process one invocation at a time, so by default a plain slot holds
 * it: AsyncLocalStorage, once running, makes every promise pay for async-hooks
 * bookkeeping, about 6 ms of the portal list's cold start. A process that runs
 * invocations side by side (the local runtime) calls `isolateInvocations()`
 * first, and each invocation then keeps its own.
 */
let isolated = false;

export const isolateInvocations = () => {
  isolated = true;
};

export function invocationScoped<T>() {
  // Constructing one costs nothing: the hooks start with its first `run`.
  const storage = new AsyncLocalStorage<T>();
  let current: T | undefined;
  return {
    run<R>(value: T, run: () => R): R {
      if (isolated) return storage.run(value, run);
      current = value;
      // Outside an invocation (scripts, tests between calls) nothing is current, as with AsyncLocalStorage.
      const end = () => {
        if (current === value) current = undefined;
      };
      try {
        const result = run();
        if (result instanceof Promise) return result.finally(end) as R;
        end();
        return result;
      } catch (error) {
        end();
        throw error;
      }
    },
    get: (): T | undefined => (isolated ? storage.getStore() : current),
  };
}
