import { administrators } from '../core/access/roles.ts';
import { AuditPage, AuditVerification } from '../core/audit/responses.ts';
import { ExportQuery, VerifyQuery } from '../core/audit/schema.ts';
import { OrgParams } from '../core/orgs/schema.ts';
import { jsonLinesReply, type RouteSpec } from '../core/route-spec.ts';
import { ListQuery } from '../core/shapes.ts';

export const listAuditRoute = {
  entry: 'audit/list-audit',
  summary: "The organization's audit trail, newest entry first",
  responses: { 200: AuditPage },
  auth: 'member',
  roles: administrators,
  params: OrgParams,
  query: ListQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const verifyAuditRoute = {
  entry: 'audit/verify-audit',
  summary: 'Recompute the audit trail’s hash chain and name the first broken entry',
  responses: { 200: AuditVerification },
  auth: 'member',
  roles: administrators,
  params: OrgParams,
  query: VerifyQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const exportAuditRoute = {
  entry: 'audit/export-audit',
  summary: 'The audit trail as JSON lines, oldest first, to verify offline',
  responses: { 200: jsonLinesReply },
  auth: 'member',
  roles: administrators,
  params: OrgParams,
  query: ExportQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

/** The organization's hash-chained audit trail: read, verify, export. */
export const routes = {
  'GET /v1/orgs/{orgId}/audit': listAuditRoute,
  'GET /v1/orgs/{orgId}/audit/verify': verifyAuditRoute,
  'GET /v1/orgs/{orgId}/audit/export': exportAuditRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'Audit trail';
