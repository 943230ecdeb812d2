import type { HttpOptions } from './http/handler.ts';
import { CreateOrganizationBody, OrgParams, SetPortalBody, UpdateOrganizationBody } from './orgs/schema.ts';
import { PortalNameParams, PortalParams } from './portal-names/schema.ts';

/**
 * The route table: the CDK stack makes one Lambda per entry and one API route
 * per key from it; the local gateway serves it; handlers take their auth and
 * request schemas from it; the OpenAPI document is generated from it.
 */
export interface RouteSpec extends HttpOptions {
  /** Handler file under functions/, without extension; it exports `handler`. */
  entry: string;
  summary: string;
  /** What the function is bound to: environment variables and IAM grants come together from this. */
  needs: Needs;
}

export interface Needs {
  table?: 'read' | 'readwrite';
  /** Builds portal URLs. */
  web?: true;
  portalPool?: true;
  email?: true;
}

export const routes = {
  'POST /v1/orgs': {
    entry: 'orgs/create-organization',
    summary: 'Create an organization; the caller becomes its owner',
    auth: 'staff',
    body: CreateOrganizationBody,
    needs: { table: 'readwrite', web: true },
  },
  'GET /v1/orgs': {
    entry: 'orgs/list-organizations',
    summary: "List the caller's organizations",
    auth: 'staff',
    needs: { table: 'read', web: true },
  },
  'GET /v1/orgs/{orgId}': {
    entry: 'orgs/get-organization',
    summary: 'Read an organization',
    auth: 'member',
    params: OrgParams,
    needs: { table: 'read', web: true },
  },
  'PATCH /v1/orgs/{orgId}': {
    entry: 'orgs/update-organization',
    summary: "Update an organization's profile, currency, address, tax settings or branding",
    auth: 'member',
    params: OrgParams,
    body: UpdateOrganizationBody,
    needs: { table: 'readwrite', web: true },
  },
  'PUT /v1/orgs/{orgId}/portal': {
    entry: 'orgs/set-portal',
    summary: 'Claim or rename the portal name, enable or disable the portal',
    auth: 'member',
    params: OrgParams,
    body: SetPortalBody,
    needs: { table: 'readwrite', web: true },
  },
  'GET /v1/portal-names/{name}': {
    entry: 'portal-names/check-portal-name',
    summary: 'Is a portal name available?',
    auth: 'staff',
    params: PortalNameParams,
    needs: { table: 'read' },
  },
  'GET /v1/portal/{portalName}': {
    entry: 'portal/get-portal-info',
    summary: "The portal's organization name and branding, for its login page",
    auth: 'none',
    params: PortalParams,
    needs: { table: 'read', web: true },
  },
  'GET /v1/openapi.json': {
    entry: 'system/get-openapi',
    summary: 'This API as an OpenAPI 3.1 document',
    auth: 'none',
    needs: {},
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteKey = keyof typeof routes;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route extends RouteSpec {
  key: RouteKey;
  method: HttpMethod;
  path: string;
}

/** The table as a list, with method and path split out of each key. */
export function routeList(): Route[] {
  return Object.entries(routes).map(([key, spec]) => {
    const [method, path] = key.split(' ') as [HttpMethod, string];
    return { ...(spec as RouteSpec), key: key as RouteKey, method, path };
  });
}

/** The entry that answers requests no route matches (404, or 405 with the allowed methods). */
export const FALLBACK_ENTRY = 'system/fallback';
