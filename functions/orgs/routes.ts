import { administrators } from '../core/access/roles.ts';
import { MailOverview, UndeliverableAddressPage } from '../core/email/responses.ts';
import { UndeliverableParams } from '../core/email/schema.ts';
import { Organization, OrganizationPage, PortalSettings } from '../core/orgs/responses.ts';
import { CreateOrganizationBody, OrgParams, SetPortalBody, UpdateOrganizationBody } from '../core/orgs/schema.ts';
import type { RouteSpec } from '../core/route-spec.ts';
import { ListQuery } from '../core/shapes.ts';

/** Organizations: profile, settings and the portal switch. */
export const routes = {
  'POST /v1/orgs': {
    entry: 'orgs/create-organization',
    summary: 'Create an organization; the caller becomes its owner',
    responses: { 201: Organization },
    errors: [409, 422, 429],
    auth: 'staff',
    body: CreateOrganizationBody,
    needs: { table: 'readwrite', web: true },
  },
  'GET /v1/orgs': {
    entry: 'orgs/list-organizations',
    summary: "List the caller's organizations",
    responses: { 200: OrganizationPage },
    auth: 'staff',
    needs: { table: 'read', web: true },
  },
  'GET /v1/orgs/{orgId}': {
    entry: 'orgs/get-organization',
    summary: 'Read an organization',
    responses: { 200: Organization },
    auth: 'member',
    params: OrgParams,
    needs: { table: 'read', web: true },
  },
  'PATCH /v1/orgs/{orgId}': {
    entry: 'orgs/update-organization',
    summary: "Update an organization's profile, currency, address, tax settings or branding",
    responses: { 200: Organization },
    errors: [409, 422],
    auth: 'member',
    roles: administrators,
    params: OrgParams,
    body: UpdateOrganizationBody,
    needs: { table: 'readwrite', web: true },
  },
  'PUT /v1/orgs/{orgId}/portal': {
    entry: 'orgs/set-portal',
    summary: 'Claim or rename the portal name, enable or disable the portal',
    responses: { 200: PortalSettings },
    errors: [409, 422],
    auth: 'member',
    roles: administrators,
    params: OrgParams,
    body: SetPortalBody,
    needs: { table: 'readwrite', web: true },
  },
  'GET /v1/orgs/{orgId}/mail': {
    entry: 'orgs/get-mail',
    summary: "Today's mail limit and use, and the mail waiting for the next window",
    responses: { 200: MailOverview },
    auth: 'member',
    params: OrgParams,
    needs: { table: 'read', mailLimits: true },
  },
  'GET /v1/orgs/{orgId}/mail/undeliverable': {
    entry: 'orgs/list-undeliverable',
    summary: 'The addresses SES reported as bouncing or complaining: no mail goes to them',
    responses: { 200: UndeliverableAddressPage },
    auth: 'member',
    params: OrgParams,
    query: ListQuery,
    needs: { table: 'read' },
  },
  'DELETE /v1/orgs/{orgId}/mail/undeliverable/{email}': {
    entry: 'orgs/confirm-address',
    summary: 'Confirm a reported address: mail goes to it again',
    responses: { 204: null },
    auth: 'member',
    params: UndeliverableParams,
    needs: { table: 'readwrite' },
  },
} as const satisfies Record<string, RouteSpec>;

export const area = 'Organizations';
