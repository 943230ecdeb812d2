import type { TestProject } from 'vitest/node';
import type { LocalState } from '../../scripts/local/local-state.ts';
import { spawnLocalRuntime } from '../../scripts/local/spawn-runtime.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    local: LocalState;
  }
}

/**
 * Starts the same local runtime as `npm start` (DynamoDB Local in memory,
 * cognito-local, the SES emulator, the gateway) on free ports, once per run.
 */
export default async function setup(project: TestProject) {
  const { state, stop } = await spawnLocalRuntime();
  for (const url of [state.apiUrl, state.sesUrl, state.sesFaultsUrl, state.cognito.endpoint, state.dynamodb.endpoint, state.stripe.apiUrl, state.s3.endpoint]) {
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) {
      stop();
      throw new Error(`Refusing a non-local endpoint in tests: ${url}`);
    }
  }
  project.provide('local', state);
  return stop;
}
