import { PortalNameCheck } from '../core/portal-names/responses.ts';
import { PortalNameParams } from '../core/portal-names/schema.ts';
import type { RouteSpec } from '../core/route-spec.ts';

export const checkPortalNameRoute = {
  entry: 'portal-names/check-portal-name',
  summary: 'Is a portal name available?',
  responses: { 200: PortalNameCheck },
  auth: 'staff',
  params: PortalNameParams,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

/** Portal names: whether a name is free. */
export const routes = {
  'GET /v1/portal-names/{name}': checkPortalNameRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'Portal names';
