import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { Needs } from '../functions/core/needs.ts';
import { bundling } from '../lib/settings/bundling.ts';
import { localEnvironment } from './local/function-environment.ts';
import type { LocalState } from './local/local-state.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** Bundles one handler entry exactly as the stack's NodejsFunction does; returns the bundle's size in bytes. */
export async function bundleHandler(entry: string, outfile: string): Promise<number> {
  const result = await build({
    entryPoints: [`${projectRoot}functions/${entry}.ts`],
    outfile,
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
