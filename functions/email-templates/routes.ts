import { administrators, anyRole } from '../core/access/roles.ts';
import { EmailTemplate, TemplatePreview, TemplateSummaryPage } from '../core/email-templates/responses.ts';
import { PreviewBody, TemplateBody, TemplateParams, TemplateQuery } from '../core/email-templates/schema.ts';
import { OrgParams } from '../core/orgs/schema.ts';
import type { RouteSpec } from '../core/route-spec.ts';

export const listEmailTemplatesRoute = {
  entry: 'email-templates/list-email-templates',
  summary: 'The email templates, each with its placeholders and whether the organization customized it',
  responses: { 200: TemplateSummaryPage },
  auth: 'member',
  params: OrgParams,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const getEmailTemplateRoute = {
  entry: 'email-templates/get-email-template',
  summary: "The template the organization's emails use: its override or the default",
  responses: { 200: EmailTemplate },
  auth: 'member',
  params: TemplateParams,
  query: TemplateQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const saveEmailTemplateRoute = {
  entry: 'email-templates/save-email-template',
  summary: "Customize a template's subject, HTML and text; unknown placeholders are refused",
  responses: { 200: EmailTemplate },
  errors: [422],
  auth: 'member',
  roles: administrators,
  params: TemplateParams,
  query: TemplateQuery,
  body: TemplateBody,
  needs: { table: 'readwrite' },
  renders: 'mail',
} as const satisfies RouteSpec;

export const resetEmailTemplateRoute = {
  entry: 'email-templates/reset-email-template',
  summary: 'Drop the customization: the default applies again',
  responses: { 204: null },
  auth: 'member',
  roles: administrators,
  params: TemplateParams,
  query: TemplateQuery,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const previewEmailTemplateRoute = {
  entry: 'email-templates/preview-email-template',
  summary: 'Render a template (or a draft of it) with sample or given values',
  responses: { 200: TemplatePreview },
  errors: [422],
  auth: 'member',
  roles: anyRole,
  params: TemplateParams,
  query: TemplateQuery,
  body: PreviewBody,
  needs: { table: 'read' },
  renders: 'mail',
} as const satisfies RouteSpec;

/** The organization's email templates: read, save, reset, preview. */
export const routes = {
  'GET /v1/orgs/{orgId}/email-templates': listEmailTemplatesRoute,
  'GET /v1/orgs/{orgId}/email-templates/{key}': getEmailTemplateRoute,
  'PUT /v1/orgs/{orgId}/email-templates/{key}': saveEmailTemplateRoute,
  'DELETE /v1/orgs/{orgId}/email-templates/{key}': resetEmailTemplateRoute,
  'POST /v1/orgs/{orgId}/email-templates/{key}/preview': previewEmailTemplateRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'Email templates';
