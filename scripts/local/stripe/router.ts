/** A route: method and path template (`/v1/checkout/sessions/:id/expire`) bound to a handler. */
export interface Route<H> {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: H;
}

export function route<H>(method: string, template: string, handler: H): Route<H> {
  const names: string[] = [];
  const source = template.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method, pattern: new RegExp(`^${source}$`), names, handler };
}

export function matchRoute<H>(routes: Route<H>[], method: string, path: string): { handler: H; pathParams: Record<string, string> } | undefined {
  for (const candidate of routes) {
    const match = candidate.method === method ? candidate.pattern.exec(path) : null;
    if (match)
      return {
        handler: candidate.handler,
        pathParams: Object.fromEntries(candidate.names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)])),
      };
  }
  return undefined;
}
