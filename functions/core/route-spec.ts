import type * as z from 'zod/mini';

/** A zod/mini schema of one part of a request. */
export type Schema = z.ZodMiniType;

/**
 * How a route authenticates: `none` (public), `staff` (any staff user),
 * `member` (a staff member of the `{orgId}` in the path), `portal` (a portal person).
 */
export type Auth = 'none' | 'staff' | 'member' | 'portal';

/** What the HTTP wrapper needs of a route: who may call it and the schemas of its request. */
export interface HttpOptions {
  auth: Auth;
  params?: Schema;
  query?: Schema;
  body?: Schema;
}
