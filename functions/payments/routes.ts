import { OrgContactParams } from '../core/contacts/schema.ts';
import { CreditApplied } from '../core/documents/responses.ts';
import { DocumentParams, OrgDocumentParams } from '../core/documents/schema.ts';
import { RefundRequested } from '../core/online-payments/responses.ts';
import { PaymentParams, RefundBody } from '../core/online-payments/schema.ts';
import { ContactCreditPage, CreditEntryPage, StaffPayment } from '../core/payments/responses.ts';
import { CreditBody, CreditEntriesParams, PaymentBody } from '../core/payments/schema.ts';
import type { RouteSpec } from '../core/route-spec.ts';
import { ListQuery } from '../core/shapes.ts';

export const recordPaymentRoute = {
  entry: 'payments/record-payment',
  summary: 'Record an offline payment on an invoice or retainer invoice and email a receipt; honours Idempotency-Key',
  responses: { 201: StaffPayment },
  errors: [409, 422],
  auth: 'member',
  params: DocumentParams,
  body: PaymentBody,
  needs: { table: 'readwrite', email: true, mailLimits: true, web: true },
} as const satisfies RouteSpec;

export const applyCreditRoute = {
  entry: 'payments/apply-credit',
  summary: "Pay an invoice from its contact's credit (paid retainer invoices)",
  responses: { 201: CreditApplied },
  errors: [409, 422],
  auth: 'member',
  params: OrgDocumentParams,
  body: CreditBody,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const listCreditsRoute = {
  entry: 'payments/list-credits',
  summary: "A contact's unused credit per currency",
  responses: { 200: ContactCreditPage },
  auth: 'member',
  params: OrgContactParams,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const listCreditEntriesRoute = {
  entry: 'payments/list-credit-entries',
  summary: "The movements of a contact's credit in one currency, oldest first",
  responses: { 200: CreditEntryPage },
  auth: 'member',
  params: CreditEntriesParams,
  query: ListQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const refundPaymentRoute = {
  entry: 'payments/refund-payment',
  summary: 'Ask Stripe to refund all or part of an online payment; applied to the document when Stripe reports it; honours Idempotency-Key',
  responses: { 202: RefundRequested },
  errors: [409, 422],
  auth: 'member',
  params: PaymentParams,
  body: RefundBody,
  needs: { table: 'readwrite', stripe: true },
} as const satisfies RouteSpec;

/** Payments recorded by staff, credits, refunds. */
export const routes = {
  'POST /v1/orgs/{orgId}/{kind}/{docId}/payments': recordPaymentRoute,
  'POST /v1/orgs/{orgId}/invoices/{docId}/credits': applyCreditRoute,
  'GET /v1/orgs/{orgId}/contacts/{contactId}/credits': listCreditsRoute,
  'GET /v1/orgs/{orgId}/contacts/{contactId}/credits/{currency}/entries': listCreditEntriesRoute,
  'POST /v1/orgs/{orgId}/payments/{paymentId}/refunds': refundPaymentRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'Payments';
