import { build } from 'esbuild';
import { cpSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Needs } from '../functions/core/needs.ts';
import type { Route } from '../functions/core/routes.ts';
import { bundling, weightFiles } from '../lib/settings/bundling.ts';
import { localEnvironment } from './local/function-environment.ts';
import type { LocalState } from './local/local-state.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles one function exactly as the stack's NodejsFunction does, into
 * `outdir/index.mjs` with what its weight ships beside it; returns the bundle's
 * size in bytes. `entry` is an absolute entry file (a group's generated entry, a consumer's handler).
 */
export async function bundleFunction(entry: string, outdir: string, renders?: Route['renders']): Promise<number> {
  const result = await build({
    entryPoints: [entry],
    outfile: `${outdir}/index.mjs`,
    bundle: true,
    platform: 'node',
    target: bundling.target,
    format: bundling.format,
    minify: bundling.minify,
    mainFields: [...bundling.mainFields],
    banner: { js: bundling.banner },
    metafile: true,
    logLevel: 'silent',
  });
  if (renders) {
    const weight = weightFiles[renders];
    cpSync(`${projectRoot}${weight.directory.from}`, `${outdir}/${weight.directory.to}`, { recursive: true });
    writeFileSync(`${outdir}/package.json`, JSON.stringify(weight.packageJson));
  }
  return Object.values(result.metafile.outputs).reduce((total, output) => total + output.bytes, 0);
}

/** The environment a bundled function with these needs gets in a bare Node process pointed at the local services. */
export function bundleEnvironment(state: LocalState, needs: Needs, publicBaseUrl = state.apiUrl): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    PORTICO_LOG: 'silent',
    ...localEnvironment(needs, { ...state, apiUrl: publicBaseUrl }),
  };
}
