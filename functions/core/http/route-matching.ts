import { routeList, type Route } from '../routes.ts';

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

let compiled: CompiledRoute[] | undefined;

function compile(): CompiledRoute[] {
  compiled ??= routeList().map((route) => {
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
  return compiled;
}

export type RouteMatch =
  | { kind: 'route'; route: Route; pathParameters: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

/** Finds the route for a request as API Gateway does: the literal path wins over a parameter. */
export function matchRoute(method: string, path: string): RouteMatch {
  const candidates = compile()
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
