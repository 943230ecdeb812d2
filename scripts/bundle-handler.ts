import { cpSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Needs } from '../functions/core/needs.ts';
import { aliasesOf, type BesideBundle, bundling } from '../lib/settings/bundling.ts';
import { localEnvironment } from './local/function-environment.ts';
import type { LocalState } from './local/local-state.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles one function exactly as the stack's NodejsFunction does, into
 * `outdir/index.mjs` with what it ships beside it (`besideBundle`); returns the bundle's
 * size in bytes. `entry` is an absolute entry file (a group's generated entry, a consumer's handler).
 */
export async function bundleFunction(entry: string, outdir: string, beside?: BesideBundle): Promise<number> {
  return (await bundleWithSizes(entry, outdir, beside)).bytes;
}

const SDK_PATH = /node_modules\/(@aws-sdk|@smithy)\//;

/** As `bundleFunction`, with `appBytes`: the bundle's bytes that come from outside the AWS SDK (`@aws-sdk/*`, `@smithy/*`), from esbuild's metafile. */
export async function bundleWithSizes(entry: string, outdir: string, beside?: BesideBundle): Promise<{ bytes: number; appBytes: number }> {
  const result = await build({
    entryPoints: [entry],
    outfile: `${outdir}/index.mjs`,
    bundle: true,
    platform: 'node',
    target: bundling.target,
    format: bundling.format,
    minify: bundling.minify,
    sourcemap: bundling.sourceMap,
    mainFields: [...bundling.mainFields],
    banner: { js: bundling.banner },
    alias: aliasesOf(beside),
    metafile: true,
    logLevel: 'silent',
  });
  for (const directory of beside?.directories ?? []) cpSync(`${projectRoot}${directory.from}`, `${outdir}/${directory.to}`, { recursive: true });
  if (beside?.packageJson) writeFileSync(`${outdir}/package.json`, JSON.stringify(beside.packageJson));
  // The source map beside it is shipped but not loaded (read only when an error is logged): not counted.
  const outputs = Object.entries(result.metafile.outputs)
    .filter(([file]) => !file.endsWith('.map'))
    .map(([, output]) => output);
  const bytes = outputs.reduce((total, output) => total + output.bytes, 0);
  const sdkBytes = outputs
    .flatMap((output) => Object.entries(output.inputs))
    .reduce((total, [path, input]) => total + (SDK_PATH.test(path) ? input.bytesInOutput : 0), 0);
  return { bytes, appBytes: bytes - sdkBytes };
}

/** The npm packages a function's bundle holds and its unminified code, to check what it loads and calls (nothing is written). */
export async function bundleContents(entry: string, beside?: BesideBundle): Promise<{ packages: Set<string>; code: string }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    outfile: 'index.mjs',
    platform: 'node',
    target: bundling.target,
    format: bundling.format,
    mainFields: [...bundling.mainFields],
    alias: aliasesOf(beside),
    metafile: true,
    logLevel: 'silent',
  });
  const inOutput = Object.values(result.metafile.outputs).flatMap((output) => Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0));
  const packages = inOutput.map(([path]) => path).flatMap((path) => path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1] ?? []);
  return { packages: new Set(packages), code: result.outputFiles.map((file) => file.text).join('\n') };
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
