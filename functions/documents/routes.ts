import { ActivityPage, StaffDocument, StaffDocumentPage, StaffDocumentThread } from '../core/documents/responses.ts';
import { CreateDocumentBody, DocumentParams, KindParams, ListDocumentsQuery, OrgDocumentParams, UpdateDocumentBody } from '../core/documents/schema.ts';
import { EInvoiceQuery, eInvoiceReply } from '../core/e-invoices/schema.ts';
import { pdfReply, type RouteSpec } from '../core/route-spec.ts';
import { ListQuery } from '../core/shapes.ts';

export const createDocumentRoute = {
  entry: 'documents/create-document',
  summary:
    'Create a draft invoice, estimate, retainer invoice or credit note (kind: invoices | estimates | retainer-invoices | credit-notes); honours Idempotency-Key',
  responses: { 201: StaffDocument },
  errors: [409, 422],
  auth: 'member',
  params: KindParams,
  body: CreateDocumentBody,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const listDocumentsRoute = {
  entry: 'documents/list-documents',
  summary: 'List documents of a kind, newest number first, by status and contact',
  responses: { 200: StaffDocumentPage },
  auth: 'member',
  params: KindParams,
  query: ListDocumentsQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const getDocumentRoute = {
  entry: 'documents/get-document',
  summary: 'Read a document with its comments and payments',
  responses: { 200: StaffDocumentThread },
  auth: 'member',
  params: DocumentParams,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const updateDocumentRoute = {
  entry: 'documents/update-document',
  summary: 'Edit a draft',
  responses: { 200: StaffDocument },
  errors: [409, 422],
  auth: 'member',
  params: DocumentParams,
  body: UpdateDocumentBody,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const deleteDocumentRoute = {
  entry: 'documents/delete-document',
  summary: 'Delete the most recently numbered draft (others are voided, so the sequence stays unbroken)',
  responses: { 204: null },
  errors: [409],
  auth: 'member',
  params: DocumentParams,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const listActivityRoute = {
  entry: 'documents/list-activity',
  summary: "A document's audit trail, oldest first, a page at a time",
  responses: { 200: ActivityPage },
  auth: 'member',
  params: DocumentParams,
  query: ListQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const sendDocumentRoute = {
  entry: 'documents/send-document',
  summary: "Send a draft (a credit note is issued): it appears in the portal and the contact's persons with portal access are emailed",
  responses: { 200: StaffDocument },
  errors: [409],
  auth: 'member',
  params: DocumentParams,
  needs: { table: 'readwrite', email: true, mailLimits: true, web: true },
} as const satisfies RouteSpec;

export const voidDocumentRoute = {
  entry: 'documents/void-document',
  summary: 'Void a document without payments; it keeps its number',
  responses: { 200: StaffDocument },
  errors: [409],
  auth: 'member',
  params: DocumentParams,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const getDocumentPdfRoute = {
  entry: 'documents/get-document-pdf',
  summary: 'The document as a PDF',
  responses: { 200: pdfReply },
  auth: 'member',
  params: DocumentParams,
  needs: { table: 'read', logoBucket: 'read' },
  renders: 'pdf',
} as const satisfies RouteSpec;

export const getDocumentEInvoiceRoute = {
  entry: 'documents/get-document-e-invoice',
  summary: 'The sent document as an EN 16931 e-invoice: UBL (Peppol BIS Billing 3.0), CII, XRechnung or Factur-X',
  responses: { 200: eInvoiceReply },
  errors: [409, 422],
  auth: 'member',
  params: DocumentParams,
  query: EInvoiceQuery,
  needs: { table: 'read', logoBucket: 'read' },
  renders: 'eInvoice',
} as const satisfies RouteSpec;

export const convertEstimateRoute = {
  entry: 'documents/convert-estimate',
  summary: 'Convert an accepted estimate into a draft invoice, once',
  responses: { 201: StaffDocument },
  errors: [409],
  auth: 'member',
  params: OrgDocumentParams,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

/** Invoices, estimates, retainer invoices and credit notes, as staff. */
export const routes = {
  'POST /v1/orgs/{orgId}/{kind}': createDocumentRoute,
  'GET /v1/orgs/{orgId}/{kind}': listDocumentsRoute,
  'GET /v1/orgs/{orgId}/{kind}/{docId}': getDocumentRoute,
  'PATCH /v1/orgs/{orgId}/{kind}/{docId}': updateDocumentRoute,
  'DELETE /v1/orgs/{orgId}/{kind}/{docId}': deleteDocumentRoute,
  'GET /v1/orgs/{orgId}/{kind}/{docId}/activity': listActivityRoute,
  'POST /v1/orgs/{orgId}/{kind}/{docId}/send': sendDocumentRoute,
  'POST /v1/orgs/{orgId}/{kind}/{docId}/void': voidDocumentRoute,
  'GET /v1/orgs/{orgId}/{kind}/{docId}/pdf': getDocumentPdfRoute,
  'GET /v1/orgs/{orgId}/{kind}/{docId}/e-invoice': getDocumentEInvoiceRoute,
  'POST /v1/orgs/{orgId}/estimates/{docId}/convert': convertEstimateRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'Documents';
