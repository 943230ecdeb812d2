/**
 * Writes the route table into README.md between its route markers, from the
 * route table itself: `npm run docs`. A unit test fails while README is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rolesFor } from '../functions/core/access/roles.ts';
import { errorStatuses } from '../functions/core/route-errors.ts';
import { type Route, routeList } from '../functions/routes.ts';

export const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const START = '<!-- routes:start -->';
const END = '<!-- routes:end -->';

const authLabel = { none: 'public', staff: 'staff JWT', member: 'staff JWT + membership', portal: 'portal JWT' } as const;

/** Every status the route answers, its replies and its errors, as the API description lists them. */
const answers = (route: Route) => [...Object.keys(route.responses).map(Number), ...errorStatuses(route)].sort((a, b) => a - b).join(' ');

/** The staff roles a member route allows. */
const roles = (route: Route) => (route.auth === 'member' ? rolesFor(route.method, route.roles).join(', ') : '');

export function routeTableMarkdown(): string {
  const rows = routeList().map(
    (route) =>
      `| \`${route.method} ${route.path}\` | ${authLabel[route.auth]} | ${roles(route)} | \`functions/${route.entry}.ts\` | ${route.summary} | ${answers(route)} |`,
  );
  return ['| route | auth | roles | handler | does | answers |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

export function withRouteTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md lacks the route table markers');
  return `${readme.slice(0, start + START.length)}\n${routeTableMarkdown()}\n${readme.slice(end)}`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(readmePath, withRouteTable(readFileSync(readmePath, 'utf8')));
}
