import { OrgContactParams } from '../core/contacts/schema.ts';
import { OrgParams } from '../core/orgs/schema.ts';
import { AgingReport, Statement } from '../core/receivables/responses.ts';
import { AgingQuery, StatementQuery } from '../core/receivables/schema.ts';
import type { RouteSpec } from '../core/route-spec.ts';

/** Statements and the aging report. */
export const routes = {
  'GET /v1/orgs/{orgId}/contacts/{contactId}/statement': {
    entry: 'receivables/get-statement',
    summary: "A contact's statement of account (from, to, currency) with its aging",
    responses: { 200: Statement },
    errors: [422],
    auth: 'member',
    params: OrgContactParams,
    query: StatementQuery,
    needs: { table: 'read' },
  },
  'GET /v1/orgs/{orgId}/reports/receivables-aging': {
    entry: 'receivables/get-aging',
    summary: 'Accounts-receivable aging per contact and in total, as of a date',
    responses: { 200: AgingReport },
    auth: 'member',
    params: OrgParams,
    query: AgingQuery,
    needs: { table: 'read' },
  },
} as const satisfies Record<string, RouteSpec>;

export const area = 'Receivables';
