import type { StaffContext } from '../access/context.ts';
import { todayIn } from '../calendar.ts';
import { clock } from '../clock.ts';
import { apply } from '../documents/commands.ts';
import { requireDocument } from '../documents/lookup.ts';
import { documentView } from '../documents/view.ts';
import { Unprocessable } from '../errors.ts';
import { gstEinvoicePayload, irnOf } from './payload.ts';
import type { RecordGstEinvoiceInput } from './schema.ts';

/** A sent GST invoice's IRN and registration payload, and what the IRP answered once recorded. */
export async function readGstEinvoice(staff: StaffContext, docId: string) {
  const document = await requireDocument(staff.orgId, 'invoice', docId);
  const payload = gstEinvoicePayload(document);
  const registered = document.gstEinvoice;
  return {
    irn: irnOf(document),
    payload,
    ...(registered && { registration: { ackNo: registered.ackNo, ackDate: registered.ackDate, signedQrCode: registered.signedQrCode } }),
  };
}

/** Records the IRP's answer for a sent GST invoice, once; its IRN must be the invoice's. */
export async function recordGstEinvoice(staff: StaffContext, docId: string, input: RecordGstEinvoiceInput) {
  const current = await requireDocument(staff.orgId, 'invoice', docId);
  gstEinvoicePayload(current);
  if (input.irn !== irnOf(current)) {
    throw new Unprocessable('IRN_MISMATCH', "The IRN is not this invoice's: SHA-256 of seller GSTIN, financial year, INV and its number.", { field: 'irn' });
  }
  const on = todayIn(staff.organization);
  const next = await apply(current, 'recordGstEinvoice', staff, {
    on,
    fields: { gstEinvoice: { ...input, recordedAt: clock.iso() } },
    details: { irn: input.irn, ackNo: input.ackNo },
  });
  return documentView(next, on);
}
