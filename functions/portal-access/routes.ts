import { OrgContactParams, OrgPersonParams } from '../core/contacts/schema.ts';
import { OrgParams } from '../core/orgs/schema.ts';
import { AccessGranted, Reinvited, SignInPage } from '../core/portal-access/responses.ts';
import { EnableAccessBody, ReinviteBody } from '../core/portal-access/schema.ts';
import type { RouteSpec } from '../core/route-spec.ts';
import { ListQuery } from '../core/shapes.ts';

export const enablePortalAccessRoute = {
  entry: 'portal-access/enable-portal-access',
  summary: 'Enable portal access for persons of a contact, setting their password or inviting them to choose one',
  responses: { 200: AccessGranted },
  errors: [409, 422, 429],
  auth: 'member',
  params: OrgContactParams,
  body: EnableAccessBody,
  needs: { table: 'readwrite', portalPool: 'admin', email: true, mailLimits: true, web: true },
} as const satisfies RouteSpec;

export const disablePortalAccessRoute = {
  entry: 'portal-access/disable-portal-access',
  summary: "Disable a contact person's portal access",
  responses: { 204: null },
  errors: [409],
  auth: 'member',
  params: OrgPersonParams,
  needs: { table: 'readwrite', portalPool: 'admin' },
} as const satisfies RouteSpec;

export const reinviteRoute = {
  entry: 'portal-access/reinvite',
  summary: 'Invite again the persons of some contacts, or everyone whose access predates the last portal rename',
  responses: { 200: Reinvited },
  errors: [409, 422, 429],
  auth: 'member',
  params: OrgParams,
  body: ReinviteBody,
  needs: { table: 'readwrite', portalPool: 'admin', email: true, mailLimits: true, web: true },
} as const satisfies RouteSpec;

export const listPersonSignInsRoute = {
  entry: 'portal-access/list-person-sign-ins',
  summary: "A contact person's portal sign-in attempts, newest first",
  responses: { 200: SignInPage },
  auth: 'member',
  params: OrgPersonParams,
  query: ListQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const signPersonOutEverywhereRoute = {
  entry: 'portal-access/sign-person-out-everywhere',
  summary: 'End every portal session of a contact person',
  responses: { 204: null },
  auth: 'member',
  params: OrgPersonParams,
  needs: { table: 'readwrite', portalPool: 'admin' },
} as const satisfies RouteSpec;

export const resetPersonMfaRoute = {
  entry: 'portal-access/reset-person-mfa',
  summary: "Reset a contact person's second factor: they enrol again",
  responses: { 204: null },
  errors: [409],
  auth: 'member',
  params: OrgPersonParams,
  needs: { table: 'readwrite', portalPool: 'admin' },
} as const satisfies RouteSpec;

/** Granting, revoking and inspecting contact persons' portal access, as staff. */
export const routes = {
  'POST /v1/orgs/{orgId}/contacts/{contactId}/portal-access': enablePortalAccessRoute,
  'DELETE /v1/orgs/{orgId}/contacts/{contactId}/portal-access/{personId}': disablePortalAccessRoute,
  'POST /v1/orgs/{orgId}/portal-invitations': reinviteRoute,
  'GET /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}/sign-ins': listPersonSignInsRoute,
  'POST /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}/sign-out-everywhere': signPersonOutEverywhereRoute,
  'DELETE /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}/mfa': resetPersonMfaRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'Portal access';
