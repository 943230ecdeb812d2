/**
 * Rebuilds the compiled e-invoice rules the tests run (test/support/einvoice-rules/compiled/*.sef.json.gz)
 * from the vendored sources beside them: the EN 16931 XSLT as published, and the Peppol BIS Billing 3.0
 * Schematron first compiled to XSLT with the vendored SchXslt. Each XSLT is compiled to SaxonJS's SEF format by
 * xslt3 (about 35 s and 600 MB each, so one at a time), then gzipped. Run: `npx tsx scripts/build-einvoice-rules.ts`
 * for all, or name the rule sets to rebuild: `npx tsx scripts/build-einvoice-rules.ts xrechnung-ubl`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ruleSets } from '../test/support/einvoice-rules/rule-sets.ts';

const rulesDirectory = fileURLToPath(new URL('../test/support/einvoice-rules/', import.meta.url));
const xslt3 = fileURLToPath(new URL('../node_modules/xslt3/xslt3.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'einvoice-rules-'));

function run(args: string[]): void {
  execFileSync(process.execPath, ['--max-old-space-size=2048', xslt3, ...args], { cwd: rulesDirectory, stdio: 'inherit' });
}

const named = process.argv.slice(2);
const unknown = named.filter((name) => !ruleSets.some((rules) => rules.name === name));
if (unknown.length > 0) throw new Error(`Unknown rule sets: ${unknown.join(', ')}`);

try {
  for (const rules of ruleSets.filter((candidate) => named.length === 0 || named.includes(candidate.name))) {
    const started = Date.now();
    let stylesheet = join(rulesDirectory, rules.source);
    if (rules.source.endsWith('.sch')) {
      stylesheet = join(work, `${rules.name}.xslt`);
      run(['-xsl:schxslt/pipeline-for-svrl.xsl', `-s:${rules.source}`, `-o:${stylesheet}`]);
    }
    const sef = join(work, `${rules.name}.sef.json`);
    run([`-xsl:${stylesheet}`, `-export:${sef}`, '-nogo', '-relocate:on']);
    writeFileSync(join(rulesDirectory, 'compiled', `${rules.name}.sef.json.gz`), gzipSync(readFileSync(sef), { level: 9 }));
    console.log(`${rules.name}: ${Math.round((Date.now() - started) / 1000)} s`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
