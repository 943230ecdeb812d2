import { MethodNotAllowed, NotFound } from '../core/errors.ts';
import { http } from '../core/http/handler.ts';
import { matchRoute } from '../core/http/route-matching.ts';
import { routePatterns } from './route-patterns.generated.ts';

/** API Gateway's `$default` route: every request no route matched (unknown path → 404, known path → 405). */
export const handler = http({ auth: 'none' }, async ({ method, path }) => {
  const match = matchRoute(routePatterns, method, path);
  if (match.kind === 'wrong-method') throw new MethodNotAllowed(match.allowed);
  throw new NotFound('Route', 'ROUTE_NOT_FOUND');
});
