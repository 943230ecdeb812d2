import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalState } from './local-state.ts';

export interface RunningRuntime {
  state: LocalState;
  stop: () => void;
}

/**
 * Starts `start.ts` in memory on free ports in its own process group (so stopping
 * it stops Java and the emulators too) and resolves once its state file exists.
 * `meter` counts what the traffic would be billed for (`state.usageUrl`).
 */
export async function spawnLocalRuntime({ timeoutMs = 120_000, meter = false } = {}): Promise<RunningRuntime> {
  const workDir = mkdtempSync(join(tmpdir(), 'portico-run-'));
  const stateFile = join(workDir, 'local.json');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/local/start.ts',
      '--in-memory',
      '--free-ports',
      '--state-file',
      stateFile,
      '--data-dir',
      workDir,
      ...(meter ? ['--meter'] : []),
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Kept until it has started, to explain a failed start; read and dropped afterwards, so a long run holds none of it.
  let startupOutput: string | undefined = '';
  const collect = (chunk: Buffer) => {
    if (startupOutput !== undefined) startupOutput += chunk;
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(workDir, { recursive: true, force: true });
  };
  process.once('exit', stop);

  const deadline = Date.now() + timeoutMs;
  while (!existsSync(stateFile)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      stop();
      throw new Error(`The local runtime did not start:\n${startupOutput}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  startupOutput = undefined;
  return { state: JSON.parse(readFileSync(stateFile, 'utf8')) as LocalState, stop };
}
