import type { Route } from '../../functions/core/route-spec.ts';

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
} as const;

interface WeightFiles {
  /** Folders copied beside index.mjs, from the project root. */
  directories: readonly { from: string; to: string }[];
  packageJson: object;
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
export const weightFiles: Partial<Record<NonNullable<Route['renders']>, WeightFiles>> = {
  pdf: pdfkitFonts,
  eInvoice: {
    directories: [...pdfkitFonts.directories, { from: 'functions/core/e-invoices/fonts', to: 'fonts' }],
    packageJson: pdfkitFonts.packageJson,
    aliases: { '@e965/xlsx': 'functions/core/e-invoices/xlsx-stub.ts' },
  },
};
