import { administrators } from '../core/access/roles.ts';
import { LogoUpload } from '../core/branding/responses.ts';
import { ConfirmLogoBody, OrgLogoParams, PortalLogoParams, PortalLogoQuery } from '../core/branding/schema.ts';
import { Organization } from '../core/orgs/responses.ts';
import { imageReply, type RouteSpec } from '../core/route-spec.ts';

export const startLogoUploadRoute = {
  entry: 'branding/start-logo-upload',
  summary: 'A presigned upload form for a new logo (PNG or JPEG, at most 200 KB)',
  responses: { 200: LogoUpload },
  auth: 'member',
  roles: administrators,
  params: OrgLogoParams,
  // It writes no item, but shares the confirming function: the same bucket grants.
  needs: { table: 'readwrite', logoBucket: 'readwrite', web: true },
} as const satisfies RouteSpec;

export const confirmLogoRoute = {
  entry: 'branding/confirm-logo',
  summary: "Make an upload the organization's logo once its bytes show a PNG or JPEG of sane size",
  responses: { 200: Organization },
  errors: [409, 422],
  auth: 'member',
  roles: administrators,
  params: OrgLogoParams,
  body: ConfirmLogoBody,
  needs: { table: 'readwrite', logoBucket: 'readwrite', web: true },
} as const satisfies RouteSpec;

export const removeLogoRoute = {
  entry: 'branding/remove-logo',
  summary: "Remove the organization's logo",
  responses: { 200: Organization },
  errors: [409],
  auth: 'member',
  roles: administrators,
  params: OrgLogoParams,
  needs: { table: 'readwrite', logoBucket: 'readwrite', web: true },
} as const satisfies RouteSpec;

export const getPortalLogoRoute = {
  entry: 'branding/get-portal-logo',
  summary: "The portal's logo, for its pages and emails",
  responses: { 200: imageReply },
  auth: 'none',
  params: PortalLogoParams,
  query: PortalLogoQuery,
  needs: { table: 'read', logoBucket: 'read' },
} as const satisfies RouteSpec;

/** The organization's logo: uploaded through a presigned form, checked from its bytes, served by Portico. */
export const routes = {
  'POST /v1/orgs/{orgId}/logo': startLogoUploadRoute,
  'POST /v1/orgs/{orgId}/logo/confirm': confirmLogoRoute,
  'DELETE /v1/orgs/{orgId}/logo': removeLogoRoute,
  'GET /v1/portal/{portalName}/logo': getPortalLogoRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'Branding';
