import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Needs } from '../../functions/core/needs.ts';
import type { LocalState } from '../local/local-state.ts';
import { bundleEnvironment, bundleHandler } from '../bundle-handler.ts';

export interface ColdStart {
  entry: string;
  bundleKb: number;
  medianMs: number;
}

/**
 * Bundles a handler as the stack does, then in `runs` fresh Node processes given its needs' variables
 * measures import + first request against the local services.
 */
export async function coldStart(entry: string, needs: Needs, event: object, state: LocalState, runs = 7): Promise<ColdStart> {
  const workDir = mkdtempSync(join(tmpdir(), 'portico-cold-'));
  try {
    const bundle = join(workDir, 'index.mjs');
    const bytes = await bundleHandler(entry, bundle);
    const runner = join(workDir, 'run.mjs');
    writeFileSync(
      runner,
      [
        `const started = performance.now();`,
        `const { handler } = await import(${JSON.stringify(bundle)});`,
        `const response = await handler(${JSON.stringify(event)}, { awsRequestId: 'bench' });`,
        `if (response.statusCode >= 500) throw new Error(response.body);`,
        `process.stdout.write(String(performance.now() - started));`,
      ].join('\n'),
    );
    const env = bundleEnvironment(state, needs);
    const times = Array.from({ length: runs }, () => Number(execFileSync(process.execPath, [runner], { cwd: workDir, env }).toString())).sort((a, b) => a - b);
    return { entry, bundleKb: Math.round(bytes / 1024), medianMs: times[Math.floor(runs / 2)]! };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
