import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalState } from './local-state.ts';

/**
 * Starts the same local runtime as `npm start` (DynamoDB Local in memory,
 * cognito-local, the SES emulator, the gateway) on free ports, in its own
 * process group so `stop` takes Java and the emulators down with it.
 * Used by the integration tests and the benchmark.
 */
export async function runInBackground(): Promise<{ state: LocalState; stop: () => void }> {
  const workDir = mkdtempSync(join(tmpdir(), 'portico-run-'));
  const stateFile = join(workDir, 'local.json');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/local/start.ts', '--in-memory', '--free-ports', '--state-file', stateFile, '--data-dir', workDir],
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
  return { state: JSON.parse(readFileSync(stateFile, 'utf8')) as LocalState, stop };
}
