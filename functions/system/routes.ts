import type { RouteSpec } from '../core/route-spec.ts';
import { ApiDescription } from '../core/shapes.ts';

export const getOpenapiRoute = {
  entry: 'system/get-openapi',
  summary: 'This API as an OpenAPI 3.1 document',
  responses: { 200: ApiDescription },
  auth: 'none',
  needs: {},
} as const satisfies RouteSpec;

/** The API's own description. */
export const routes = {
  'GET /v1/openapi.json': getOpenapiRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'System';
