import type { RouteSpec } from '../core/route-spec.ts';
import { ApiDescription } from '../core/shapes.ts';

/** The API's own description. */
export const routes = {
  'GET /v1/openapi.json': {
    entry: 'system/get-openapi',
    summary: 'This API as an OpenAPI 3.1 document',
    responses: { 200: ApiDescription },
    auth: 'none',
    needs: {},
  },
} as const satisfies Record<string, RouteSpec>;

export const area = 'System';
