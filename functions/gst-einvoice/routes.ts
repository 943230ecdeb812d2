import { StaffDocument } from '../core/documents/responses.ts';
import { OrgDocumentParams } from '../core/documents/schema.ts';
import { GstEinvoice, RecordGstEinvoiceBody } from '../core/gst/schema.ts';
import type { RouteSpec } from '../core/route-spec.ts';

export const getGstEinvoiceRoute = {
  entry: 'gst-einvoice/get-gst-einvoice',
  summary: "A sent GST invoice's IRN and its payload in the e-invoice JSON schema v1.1, for a GSP to register",
  responses: { 200: GstEinvoice },
  errors: [409, 422],
  auth: 'member',
  params: OrgDocumentParams,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const recordGstEinvoiceRoute = {
  entry: 'gst-einvoice/record-gst-einvoice',
  summary: 'Record what the IRP returned (IRN, acknowledgement, signed QR code); the PDF then prints them',
  responses: { 200: StaffDocument },
  errors: [409, 422],
  auth: 'member',
  params: OrgDocumentParams,
  body: RecordGstEinvoiceBody,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

/** India's GST e-invoice: the IRN and registration payload of a sent invoice, and what the IRP answered. */
export const routes = {
  'GET /v1/orgs/{orgId}/invoices/{docId}/gst-einvoice': getGstEinvoiceRoute,
  'PUT /v1/orgs/{orgId}/invoices/{docId}/gst-einvoice': recordGstEinvoiceRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'GST e-invoice';
