/** What matching needs of a route: its method and its path template. */
export interface RoutePattern {
  method: string;
  path: string;
}

interface CompiledRoute<R extends RoutePattern> {
  route: R;
  pattern: RegExp;
  names: string[];
}

const compiledTables = new WeakMap<readonly RoutePattern[], CompiledRoute<RoutePattern>[]>();

function compile<R extends RoutePattern>(routes: readonly R[]): CompiledRoute<R>[] {
  const known = compiledTables.get(routes);
  if (known) return known as CompiledRoute<R>[];
  const compiled = routes.map((route) => {
    const names: string[] = [];
    const source = route.path
      .split('/')
      .map((segment) => {
        const parameter = /^\{(\w+)\+?\}$/.exec(segment);
        if (!parameter) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        names.push(parameter[1]!);
        return segment.endsWith('+}') ? '(.+)' : '([^/]+)';
      })
      .join('/');
    return { route, pattern: new RegExp(`^${source}$`), names };
  });
  compiledTables.set(routes, compiled);
  return compiled;
}

export type RouteMatch<R extends RoutePattern> =
  | { kind: 'route'; route: R; pathParameters: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

/** Finds the route for a request as API Gateway does: the literal path wins over a parameter. */
export function matchRoute<R extends RoutePattern>(routes: readonly R[], method: string, path: string): RouteMatch<R> {
  const candidates = compile(routes)
    .map((entry) => ({ entry, match: entry.pattern.exec(path) }))
    .filter((candidate) => candidate.match !== null)
    .sort((a, b) => a.entry.names.length - b.entry.names.length);
  if (candidates.length === 0) return { kind: 'none' };
  const hit = candidates.find((candidate) => candidate.entry.route.method === method.toUpperCase());
  if (!hit) return { kind: 'wrong-method', allowed: [...new Set(candidates.map((candidate) => candidate.entry.route.method))] };
  const pathParameters = decodeParameters(hit.entry.names, hit.match!);
  // A segment that is not valid percent-encoding names no resource: no route, as for any other unknown path.
  if (!pathParameters) return { kind: 'none' };
  return { kind: 'route', route: hit.entry.route, pathParameters };
}

function decodeParameters(names: string[], match: RegExpExecArray): Record<string, string> | undefined {
  try {
    return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]));
  } catch {
    return undefined;
  }
}
