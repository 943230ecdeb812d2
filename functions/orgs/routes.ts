import { administrators } from '../core/access/roles.ts';
import { MailOverview, UndeliverableAddressPage } from '../core/email/responses.ts';
import { UndeliverableParams } from '../core/email/schema.ts';
import { Organization, OrganizationPage, PortalSettings } from '../core/orgs/responses.ts';
import { CreateOrganizationBody, OrgParams, SetPortalBody, UpdateOrganizationBody } from '../core/orgs/schema.ts';
import type { RouteSpec } from '../core/route-spec.ts';
import { ListQuery } from '../core/shapes.ts';

export const createOrganizationRoute = {
  entry: 'orgs/create-organization',
  summary: 'Create an organization; the caller becomes its owner',
  responses: { 201: Organization },
  errors: [409, 422, 429],
  auth: 'staff',
  body: CreateOrganizationBody,
  needs: { table: 'readwrite', web: true },
} as const satisfies RouteSpec;

export const listOrganizationsRoute = {
  entry: 'orgs/list-organizations',
  summary: "List the caller's organizations",
  responses: { 200: OrganizationPage },
  auth: 'staff',
  needs: { table: 'read', web: true },
} as const satisfies RouteSpec;

export const getOrganizationRoute = {
  entry: 'orgs/get-organization',
  summary: 'Read an organization',
  responses: { 200: Organization },
  auth: 'member',
  params: OrgParams,
  needs: { table: 'read', web: true },
} as const satisfies RouteSpec;

export const updateOrganizationRoute = {
  entry: 'orgs/update-organization',
  summary: "Update an organization's profile, currency, address, tax settings or branding",
  responses: { 200: Organization },
  errors: [409, 422],
  auth: 'member',
  roles: administrators,
  params: OrgParams,
  body: UpdateOrganizationBody,
  needs: { table: 'readwrite', web: true },
} as const satisfies RouteSpec;

export const setPortalRoute = {
  entry: 'orgs/set-portal',
  summary: 'Claim or rename the portal name, enable or disable the portal',
  responses: { 200: PortalSettings },
  errors: [409, 422],
  auth: 'member',
  roles: administrators,
  params: OrgParams,
  body: SetPortalBody,
  needs: { table: 'readwrite', web: true },
} as const satisfies RouteSpec;

export const getMailRoute = {
  entry: 'orgs/get-mail',
  summary: "Today's mail limit and use, and the mail waiting for the next window",
  responses: { 200: MailOverview },
  auth: 'member',
  params: OrgParams,
  needs: { table: 'read', mailLimits: true },
} as const satisfies RouteSpec;

export const listUndeliverableRoute = {
  entry: 'orgs/list-undeliverable',
  summary: 'The addresses SES reported as bouncing or complaining: no mail goes to them',
  responses: { 200: UndeliverableAddressPage },
  auth: 'member',
  params: OrgParams,
  query: ListQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const confirmAddressRoute = {
  entry: 'orgs/confirm-address',
  summary: 'Confirm a reported address: mail goes to it again',
  responses: { 204: null },
  auth: 'member',
  params: UndeliverableParams,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

/** Organizations: profile, settings and the portal switch. */
export const routes = {
  'POST /v1/orgs': createOrganizationRoute,
  'GET /v1/orgs': listOrganizationsRoute,
  'GET /v1/orgs/{orgId}': getOrganizationRoute,
  'PATCH /v1/orgs/{orgId}': updateOrganizationRoute,
  'PUT /v1/orgs/{orgId}/portal': setPortalRoute,
  'GET /v1/orgs/{orgId}/mail': getMailRoute,
  'GET /v1/orgs/{orgId}/mail/undeliverable': listUndeliverableRoute,
  'DELETE /v1/orgs/{orgId}/mail/undeliverable/{email}': confirmAddressRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'Organizations';
