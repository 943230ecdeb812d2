import type * as z from 'zod/mini';
import { jsonSchemaOf } from '../../functions/core/route-spec.ts';
import { type Route, routeList } from '../../functions/routes.ts';

/**
 * Lists answered whole, each with why it is bounded: nothing else may answer
 * `{ items, nextCursor }` without taking `limit` and `cursor`.
 */
export const answeredWhole: Record<string, string> = {
  'GET /v1/orgs/{orgId}/email-templates': 'one item per template Portico defines',
  'GET /v1/orgs': "the caller's organizations, sorted by name",
  'GET /v1/orgs/{orgId}/contacts/{contactId}/credits':
    'one item per currency the contact holds credit in; the entries behind each are paged on …/credits/{currency}/entries',
};

type Internals = { _zod?: { def?: { type?: string; shape?: Record<string, z.ZodMiniType> }; innerType?: unknown } } | undefined;

/** An object schema's shape, through the lazy wrapper top-level schemas have. */
export const shapeOf = (schema: unknown): Record<string, z.ZodMiniType> | undefined => {
  const internals = (schema as Internals)?._zod;
  return internals?.def?.type === 'lazy' ? shapeOf(internals.innerType) : internals?.def?.shape;
};

/** Every GET route that answers `{ items, … }`. */
export const listRoutes = (): Route[] =>
  routeList().filter((route) => route.method === 'GET' && 'items' in (shapeOf(jsonSchemaOf(route.responses[200] ?? null)) ?? {}));

/** The lists that page with `limit` and `cursor`. */
export const pagedLists = (): Route[] => listRoutes().filter((route) => !(route.key in answeredWhole));
