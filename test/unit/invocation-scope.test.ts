import { describe, expect, it } from 'vitest';
import { invocationScoped, isolateInvocations } from '../../functions/core/invocation-scope.ts';

const pause = () => new Promise((resolve) => setImmediate(resolve));

/** Two invocations that interleave: each reads its value after the other has started. */
async function interleaved(scope: ReturnType<typeof invocationScoped<string>>) {
  const read = (value: string) =>
    scope.run(value, async () => {
      await pause();
      await pause();
      return scope.get();
    });
  return Promise.all([read('first'), read('second')]);
}

// In this order: isolation is for the whole process once asked for.
describe('invocation scope', () => {
  it('holds one invocation at a time in a slot, as Lambda runs them', async () => {
    const scope = invocationScoped<string>();
    expect(scope.get()).toBeUndefined();
    expect(await scope.run('only', async () => scope.get())).toBe('only');
    expect(scope.get()).toBeUndefined();
    expect(() =>
      scope.run('failing', () => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(scope.get()).toBeUndefined();
    // Side by side the slot holds the latest: why the local runtime asks for isolation.
    expect(await interleaved(scope)).toEqual(['second', 'second']);
  });

  it('keeps each invocation its own once the process runs them side by side', async () => {
    isolateInvocations();
    const scope = invocationScoped<string>();
    expect(await interleaved(scope)).toEqual(['first', 'second']);
    expect(scope.get()).toBeUndefined();
  });
});
