import { fileURLToPath } from 'node:url';
import type { Route } from '../../functions/core/route-spec.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * esbuild settings for every handler. Bundles target the runtime Lambda runs
 * (nodejs22.x); the same output runs on Node 20 locally, where the bundle and
 * bench tests run it (esbuild emits nothing node22 reads that Node 20.19 does not).
 * The AWS SDK is bundled (not taken from the runtime) so its version is the one we test with.
 */
export const bundling = {
  target: 'node22',
  format: 'esm',
  minify: true,
  sourceMap: true,
  mainFields: ['module', 'main'],
  /** ESM bundles need `require` for the SDK's dynamic `node:` requires. */
  banner: "import { createRequire as __portico_createRequire } from 'node:module'; const require = __portico_createRequire(import.meta.url);",
  /** Modules every bundle replaces (esbuild `alias`), by a file from the project root: @middy/core's web streams load on first use. */
  aliases: { 'node:stream/web': 'functions/core/http/lazy-web-streams.ts' },
} as const;

/** Every module a function's bundle replaces (the common ones and its heavy library's), by an absolute path as esbuild takes it. */
export const aliasesOf = (beside: BesideBundle | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries({ ...bundling.aliases, ...beside?.aliases }).map(([module, file]) => [module, `${projectRoot}${file}`]));

interface Directory {
  /** From the project root. */
  from: string;
  /** Beside index.mjs. */
  to: string;
}

/** What a function ships beside its index.mjs. */
export interface BesideBundle {
  /** Folders copied beside index.mjs. */
  directories: readonly Directory[];
  /** Written as package.json beside index.mjs (an import map a library resolves at run time). */
  packageJson?: object;
  /** Modules replaced at bundling (esbuild `alias`), by a file from the project root. */
  aliases?: Readonly<Record<string, string>>;
}

const pdfkitFonts = {
  directories: [{ from: 'node_modules/pdfkit/js/standard-fonts', to: 'standard-fonts' }],
  packageJson: { imports: { '#standard-fonts/*': './standard-fonts/*.cjs' } },
};

/**
 * What a bundle of a heavy library ships beside index.mjs. pdfkit loads its
 * standard fonts at run time through its package's `#standard-fonts/*` import
 * map, which esbuild cannot follow: without the fonts and that map beside the
 * bundle, the first PDF fails in Lambda. The e-invoice function renders PDFs too
 * (Factur-X), with the TrueType fonts PDF/A embeds; @e-invoice-eu/core's spreadsheet
 * reader (`@e965/xlsx`, 1.3 MB) serves only its spreadsheet input, which Portico
 * never uses, so a stub stands in for it (2.7 → 1.4 MB, cold import 520 → 102 ms).
 */
export const weightFiles: Partial<Record<NonNullable<Route['renders']>, BesideBundle>> = {
  pdf: pdfkitFonts,
  eInvoice: {
    directories: [...pdfkitFonts.directories, { from: 'functions/core/e-invoices/fonts', to: 'fonts' }],
    packageJson: pdfkitFonts.packageJson,
    aliases: { '@e965/xlsx': 'functions/core/e-invoices/xlsx-stub.ts' },
  },
};

/**
 * Static files a handler reads from disk, by its entry: shipped beside the bundle of the function serving it rather
 * than compiled into it, at the same place relative to index.mjs as to the module reading them in the source. The
 * portal app's script (about 108 KB) is read only by its asset route: inside the bundle, every cold start of the
 * portal's reading function parsed it (docs/bundles-and-benchmarks.md).
 */
export const handlerFiles: Readonly<Record<string, readonly Directory[]>> = {
  'portal/get-portal-asset': [{ from: 'functions/core/portal-pages/assets', to: 'assets' }],
};

/** Everything a function ships beside index.mjs (its heavy library's files, its handlers' files), if anything. */
export function besideBundle(fn: { renders?: Route['renders']; routes?: readonly Pick<Route, 'entry'>[] }): BesideBundle | undefined {
  const weight = fn.renders && weightFiles[fn.renders];
  const files = [...new Set(fn.routes?.map((route) => route.entry))].flatMap((entry) => handlerFiles[entry] ?? []);
  if (!weight && files.length === 0) return undefined;
  return { ...weight, directories: [...(weight?.directories ?? []), ...files] };
}
