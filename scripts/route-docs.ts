/**
 * Writes the route table, grouped by area, into docs/routes.generated.md from
 * the route table itself: `npm run docs`. A unit test fails while it is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rolesFor } from '../functions/core/access/roles.ts';
import { errorStatuses } from '../functions/core/route-errors.ts';
import { type Route, routeList } from '../functions/routes.ts';

export const routeDocsPath = fileURLToPath(new URL('../docs/routes.generated.md', import.meta.url));

const authLabel = { none: 'public', staff: 'staff JWT', member: 'staff JWT + membership', portal: 'portal JWT' } as const;

/** Every status the route answers, its replies and its errors, as the API description lists them. */
const answers = (route: Route) => [...Object.keys(route.responses).map(Number), ...errorStatuses(route)].sort((a, b) => a - b).join(' ');

/** The staff roles a member route allows. */
const roles = (route: Route) => (route.auth === 'member' ? rolesFor(route.method, route.roles).join(', ') : '');

const row = (route: Route) =>
  `| \`${route.method} ${route.path}\` | ${authLabel[route.auth]} | ${roles(route)} | \`functions/${route.entry}.ts\` | ${route.summary} | ${answers(route)} |`;

/** The whole page: one table per area, in the order `functions/routes.ts` lists the areas. */
export function routeDocsMarkdown(): string {
  const routes = routeList();
  const areas = [...new Set(routes.map((route) => route.area))];
  const sections = areas.map((area) => {
    const rows = routes.filter((route) => route.area === area).map(row);
    return [`## ${area}`, '', '| route | auth | roles | handler | does | answers |', '|---|---|---|---|---|---|', ...rows].join('\n');
  });
  return [
    '# Routes',
    '',
    `Generated from \`functions/<area>/routes.ts\` by \`npm run docs\`; do not edit by hand. ${routes.length} routes in ${areas.length} areas. The areas are the tags of the OpenAPI document (\`GET /v1/openapi.json\`); conventions and error codes: [api.md](api.md).`,
    '',
    ...sections.flatMap((section) => [section, '']),
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(routeDocsPath, routeDocsMarkdown());
}
