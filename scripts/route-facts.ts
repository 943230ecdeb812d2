/**
 * What a route's code can answer, read from its source: the error codes thrown
 * in every module its handler reaches through relative imports, and whether it
 * reads an `Idempotency-Key`. The OpenAPI document lists both per operation.
 * Codes are a route's reachable set: a module reached for one function may
 * throw codes this route never meets, so a client should treat them as "may".
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RouteFacts } from '../functions/core/openapi.ts';
import type { Route } from '../functions/routes.ts';

const functionsDir = fileURLToPath(new URL('../functions/', import.meta.url));

/** Error classes by the status they answer; `code` is the first string argument unless the class fixes it. */
const throwers: { pattern: RegExp; status: number; code?: string }[] = [
  { pattern: /new BadRequest\(\s*'([A-Z_]+)'/g, status: 400 },
  { pattern: /new Forbidden\(\s*'([A-Z_]+)'/g, status: 403 },
  { pattern: /new Conflict\(\s*'([A-Z_]+)'/g, status: 409 },
  { pattern: /new Unprocessable\(\s*'([A-Z_]+)'/g, status: 422 },
  { pattern: /new Unauthorized\([^;]*?,\s*'([A-Z_]+)'\s*\)/g, status: 401 },
  { pattern: /new NotFound\([^;]*?,\s*'([A-Z_]+)'\s*\)/g, status: 404 },
  { pattern: /new NotFound\((?:'[^']*'|`[^`]*`)\)/g, status: 404, code: 'NOT_FOUND' },
  { pattern: /new StaleWrite\(/g, status: 409, code: 'CONCURRENT_MODIFICATION' },
  { pattern: /new TooManyRequests\(/g, status: 429, code: 'TOO_MANY_ATTEMPTS' },
  { pattern: /new MailCapReached\(/g, status: 429, code: 'MAIL_CAP_REACHED' },
];

/** The request layer's own refusals, which every route with that status can answer. */
const requestCodes: Record<number, string[]> = {
  400: ['VALIDATION_FAILED'],
  401: ['UNAUTHORIZED'],
  413: ['PAYLOAD_TOO_LARGE'],
};

const sources = new Map<string, string>();
const source = (path: string) => {
  if (!sources.has(path)) sources.set(path, readFileSync(path, 'utf8'));
  return sources.get(path)!;
};

/** The handler file and every module under functions/ it reaches through relative imports. */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path) || !existsSync(path)) return;
    seen.add(path);
    // Type-only imports bring no code that could throw.
    for (const match of source(path).matchAll(/^(?:import|export)(\s+type)?\s[^;]*?from\s+'(\.{1,2}\/[^']+\.ts)'/gm)) {
      if (match[1]) continue;
      const target = resolve(dirname(path), match[2]!);
      if (target.startsWith(functionsDir)) visit(target);
    }
  };
  visit(resolve(functionsDir, `${entry}.ts`));
  return [...seen];
}

function thrownCodes(files: string[]): Map<number, Set<string>> {
  const byStatus = new Map<number, Set<string>>();
  for (const file of files) {
    for (const { pattern, status, code } of throwers) {
      for (const match of source(file).matchAll(pattern)) {
        if (!byStatus.has(status)) byStatus.set(status, new Set());
        byStatus.get(status)!.add(code ?? match[1]!);
      }
    }
  }
  return byStatus;
}

/** The codes per status a route can answer (only statuses its description lists), and whether it honours `Idempotency-Key`. */
export function routeFacts(route: Route, statuses: readonly number[]): RouteFacts {
  const files = reachable(route.entry);
  const thrown = thrownCodes(files);
  const codes: Record<number, string[]> = {};
  for (const status of statuses) {
    // Only a route with a body reads one: the parser's refusal is shared code every handler reaches.
    const list = [...new Set([...(requestCodes[status] ?? []), ...(thrown.get(status) ?? [])])]
      .filter((code) => route.body || code !== 'MALFORMED_JSON')
      .sort();
    if (list.length > 0) codes[status] = list;
  }
  const idempotencyKey = source(resolve(functionsDir, `${route.entry}.ts`)).includes("headers['idempotency-key']");
  return { codes, idempotencyKey };
}
