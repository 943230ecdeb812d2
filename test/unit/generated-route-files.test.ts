import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { generatedRouteFiles, isCurrent } from '../../scripts/generate-route-artifacts.ts';
import { readmePath, withRouteTable } from '../../scripts/route-docs.ts';

it('README lists exactly the routes of the route table (npm run docs rewrites it)', () => {
  const readme = readFileSync(readmePath, 'utf8');
  expect(readme).toBe(withRouteTable(readme));
});

it.each(generatedRouteFiles())('$path is generated from the route table (npm run docs rewrites it)', (file) => {
  expect(isCurrent(file)).toBe(true);
});
