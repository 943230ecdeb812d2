import { OrgContactParams, OrgPersonParams } from '../core/contacts/schema.ts';
import { OrgParams } from '../core/orgs/schema.ts';
import { AccessGranted, Reinvited, SignInPage } from '../core/portal-access/responses.ts';
import { EnableAccessBody, ReinviteBody } from '../core/portal-access/schema.ts';
import type { RouteSpec } from '../core/route-spec.ts';
import { ListQuery } from '../core/shapes.ts';

/** Granting, revoking and inspecting contact persons' portal access, as staff. */
export const routes = {
  'POST /v1/orgs/{orgId}/contacts/{contactId}/portal-access': {
    entry: 'portal-access/enable-portal-access',
    summary: 'Enable portal access for persons of a contact, setting their password or inviting them to choose one',
    responses: { 200: AccessGranted },
    errors: [409, 422, 429],
    auth: 'member',
    params: OrgContactParams,
    body: EnableAccessBody,
    needs: { table: 'readwrite', portalPool: 'admin', email: true, mailLimits: true, web: true },
  },
  'DELETE /v1/orgs/{orgId}/contacts/{contactId}/portal-access/{personId}': {
    entry: 'portal-access/disable-portal-access',
    summary: "Disable a contact person's portal access",
    responses: { 204: null },
    errors: [409],
    auth: 'member',
    params: OrgPersonParams,
    needs: { table: 'readwrite', portalPool: 'admin' },
  },
  'POST /v1/orgs/{orgId}/portal-invitations': {
    entry: 'portal-access/reinvite',
    summary: 'Invite again the persons of some contacts, or everyone whose access predates the last portal rename',
    responses: { 200: Reinvited },
    errors: [409, 422, 429],
    auth: 'member',
    params: OrgParams,
    body: ReinviteBody,
    needs: { table: 'readwrite', portalPool: 'admin', email: true, mailLimits: true, web: true },
  },
  'GET /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}/sign-ins': {
    entry: 'portal-access/list-person-sign-ins',
    summary: "A contact person's portal sign-in attempts, newest first",
    responses: { 200: SignInPage },
    auth: 'member',
    params: OrgPersonParams,
    query: ListQuery,
    needs: { table: 'read' },
  },
  'POST /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}/sign-out-everywhere': {
    entry: 'portal-access/sign-person-out-everywhere',
    summary: 'End every portal session of a contact person',
    responses: { 204: null },
    auth: 'member',
    params: OrgPersonParams,
    needs: { table: 'readwrite', portalPool: 'admin' },
  },
  'DELETE /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}/mfa': {
    entry: 'portal-access/reset-person-mfa',
    summary: "Reset a contact person's second factor: they enrol again",
    responses: { 204: null },
    errors: [409],
    auth: 'member',
    params: OrgPersonParams,
    needs: { table: 'readwrite', portalPool: 'admin' },
  },
} as const satisfies Record<string, RouteSpec>;

export const area = 'Portal access';
