import { NotFound } from '../core/errors.ts';
import { http } from '../core/http/handler.ts';

/** A route key this function does not serve (routes.ts `UNROUTED_ENTRY`): 404, as for an unknown path. */
export const handler = http({ auth: 'none' }, async () => {
  throw new NotFound('Route', 'ROUTE_NOT_FOUND');
});
