import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { generatedRouteFiles, isCurrent } from '../../scripts/generate-route-artifacts.ts';
import { routeDocsMarkdown, routeDocsPath } from '../../scripts/route-docs.ts';

it('docs/routes.generated.md lists exactly the routes of the route table (npm run docs rewrites it)', () => {
  expect(readFileSync(routeDocsPath, 'utf8')).toBe(routeDocsMarkdown());
});

it.each(generatedRouteFiles())('$path is generated from the route table (npm run docs rewrites it)', (file) => {
  expect(isCurrent(file)).toBe(true);
});
