import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { apiTypesPath, apiTypesSource, bundleApp, generatedAssetPath, generatedScriptPath, scriptModule } from '../../scripts/generate-portal-script.ts';

// Generating and bundling take a few seconds on a busy machine.
it('the portal app’s API types are generated from the current OpenAPI document (npm run docs)', { timeout: 60_000 }, async () => {
  expect(readFileSync(apiTypesPath, 'utf8')).toBe(await apiTypesSource());
});

it('the bundled portal app, and the name and integrity the shells give it, are built from templates/portal (npm run docs)', { timeout: 60_000 }, async () => {
  const source = await bundleApp();
  expect(readFileSync(generatedAssetPath, 'utf8')).toBe(source);
  expect(readFileSync(generatedScriptPath, 'utf8')).toBe(scriptModule(source));
});

it('the portal app stays within its budget of 80 KB gzipped', () => {
  expect(gzipSync(readFileSync(generatedAssetPath)).length).toBeLessThanOrEqual(80 * 1024);
});
