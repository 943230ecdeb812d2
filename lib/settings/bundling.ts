/**
 * esbuild settings for every handler. Lambda runs nodejs22.x, the local machine
 * Node 20: bundles target node20 so the same output runs on both. The AWS SDK is
 * bundled (not taken from the runtime) so its version is the one we test with.
 */
export const bundling = {
  target: 'node20',
  format: 'esm',
  minify: true,
  sourceMap: true,
  mainFields: ['module', 'main'],
  /** ESM bundles need `require` for the SDK's dynamic `node:` requires. */
  banner: "import { createRequire as __portico_createRequire } from 'node:module'; const require = __portico_createRequire(import.meta.url);",
} as const;
