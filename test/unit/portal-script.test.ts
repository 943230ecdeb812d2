import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { generatedScriptPath, generateScriptModule, scriptSourcePath } from '../../scripts/generate-portal-script.ts';

it('the bundled portal script is generated from templates/portal/portal.js (npm run docs)', () => {
  expect(readFileSync(generatedScriptPath, 'utf8')).toBe(generateScriptModule(readFileSync(scriptSourcePath, 'utf8')));
});
