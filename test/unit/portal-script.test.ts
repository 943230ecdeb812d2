import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { portalScript } from '../../functions/core/portal-pages/script.generated.ts';
import { apiTypesPath, apiTypesSource, bundleApp, generatedScriptPath, scriptModule } from '../../scripts/generate-portal-script.ts';

// Generating and bundling take a few seconds on a busy machine.
it('the portal app’s API types are generated from the current OpenAPI document (npm run docs)', { timeout: 60_000 }, async () => {
  expect(readFileSync(apiTypesPath, 'utf8')).toBe(await apiTypesSource());
});

it('the bundled portal app is built from templates/portal (npm run docs)', { timeout: 60_000 }, async () => {
  expect(readFileSync(generatedScriptPath, 'utf8')).toBe(scriptModule(await bundleApp()));
});

it('the portal app stays within its budget of 80 KB gzipped', () => {
  expect(gzipSync(portalScript.source).length).toBeLessThanOrEqual(80 * 1024);
});
