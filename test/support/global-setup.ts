import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { LocalState } from '../../scripts/local/local-state.ts';

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
  const workDir = mkdtempSync(join(tmpdir(), 'portico-test-'));
  const stateFile = join(workDir, 'local.json');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/local/start.ts', '--in-memory', '--free-ports', '--state-file', stateFile, '--data-dir', workDir],
    // Its own process group, so teardown stops Java and the emulators with it.
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));

  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(workDir, { recursive: true, force: true });
  };
  process.once('exit', stop);

  const deadline = Date.now() + 120_000;
  while (!existsSync(stateFile)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      stop();
      throw new Error(`The local runtime did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as LocalState;
  for (const url of [state.apiUrl, state.sesUrl, state.cognito.endpoint, state.dynamodb.endpoint]) {
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) throw new Error(`Refusing a non-local endpoint in tests: ${url}`);
  }
  project.provide('local', state);
  return stop;
}
