import type { TestProject } from 'vitest/node';
import type { LocalState } from '../../scripts/local/local-state.ts';
import { runInBackground } from '../../scripts/local/run-in-background.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    local: LocalState;
  }
}

/** Starts the local runtime once per run; refuses to test against anything that is not on this machine. */
export default async function setup(project: TestProject) {
  const { state, stop } = await runInBackground();
  for (const url of [state.apiUrl, state.sesUrl, state.cognito.endpoint, state.dynamodb.endpoint]) {
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) {
      stop();
      throw new Error(`Refusing a non-local endpoint in tests: ${url}`);
    }
  }
  project.provide('local', state);
  return stop;
}
