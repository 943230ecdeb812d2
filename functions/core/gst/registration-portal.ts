import type { RecordGstEinvoiceInput } from './schema.ts';

/**
 * Where a GST Suvidha Provider (GSP) integration plugs in: it submits the
 * payload of `gstEinvoicePayload` to the IRP with the organization's
 * credentials and answers what the IRP returned, which is then recorded like
 * the `PUT …/gst-einvoice` route records it. Portico ships no implementation:
 * it never calls a government portal itself.
 */
export interface InvoiceRegistrationPortal {
  register(orgId: string, payload: Record<string, unknown>): Promise<RecordGstEinvoiceInput>;
}
