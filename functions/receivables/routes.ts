import { OrgContactParams } from '../core/contacts/schema.ts';
import { OrgParams } from '../core/orgs/schema.ts';
import { AgingReport, ReceivablesLedger, Statement, StatementEmailQueued } from '../core/receivables/responses.ts';
import { AgingQuery, LedgerQuery, StatementEmailBody, StatementQuery } from '../core/receivables/schema.ts';
import type { RouteSpec } from '../core/route-spec.ts';

export const getStatementRoute = {
  entry: 'receivables/get-statement',
  summary: "A contact's statement of account (from, to, currency) with its aging (JSON pages, or the whole period as a PDF)",
  responses: { 200: { json: Statement, alternatives: ['application/pdf'] } },
  errors: [422],
  auth: 'member',
  params: OrgContactParams,
  query: StatementQuery,
  needs: { table: 'read', logoBucket: 'read' },
  renders: 'pdf',
} as const satisfies RouteSpec;

export const emailStatementRoute = {
  entry: 'receivables/email-statement',
  summary: "Email a contact's statement (from, to, currency) to its persons, the PDF attached, each in their language (202); honours Idempotency-Key",
  responses: { 202: StatementEmailQueued },
  errors: [409, 422, 429],
  auth: 'member',
  params: OrgContactParams,
  body: StatementEmailBody,
  needs: { table: 'readwrite', mailLimits: true },
} as const satisfies RouteSpec;

export const getAgingRoute = {
  entry: 'receivables/get-aging',
  summary: 'Accounts-receivable aging per contact and in total, as of a date',
  responses: { 200: AgingReport },
  auth: 'member',
  params: OrgParams,
  query: AgingQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const getLedgerRoute = {
  entry: 'receivables/get-ledger',
  summary: 'Every open item behind the aging report, as of a date (JSON pages, or CSV)',
  responses: { 200: { json: ReceivablesLedger, alternatives: ['text/csv'] } },
  errors: [422],
  auth: 'member',
  params: OrgParams,
  query: LedgerQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

/** Statements and the aging report. */
export const routes = {
  'GET /v1/orgs/{orgId}/contacts/{contactId}/statement': getStatementRoute,
  'POST /v1/orgs/{orgId}/contacts/{contactId}/statement/email': emailStatementRoute,
  'GET /v1/orgs/{orgId}/reports/receivables-aging': getAgingRoute,
  'GET /v1/orgs/{orgId}/reports/receivables-ledger': getLedgerRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'Receivables';
