import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { bundling } from '../lib/settings/bundling.ts';

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
