import * as z from 'zod/mini';

/** What the IRP answered when the invoice was registered, as a GSP relays it. */
export const RecordGstEinvoiceBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    irn: z
      .string()
      .check(
        z.regex(/^[0-9a-f]{64}$/, 'Expected the 64 lowercase hex characters of the IRN.'),
        z.describe('The IRN; must be the one Portico computes (422 IRN_MISMATCH).'),
      ),
    ackNo: z.string().check(z.regex(/^[0-9]{1,20}$/, 'Expected the acknowledgement number (digits).')),
    ackDate: z
      .string()
      .check(
        z.regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'Expected the IRP acknowledgement date, YYYY-MM-DD HH:mm:ss.'),
        z.describe('As the IRP gives it, Indian time.'),
      ),
    signedQrCode: z
      .string()
      .check(
        z.minLength(1),
        z.maxLength(2800),
        z.regex(/^[A-Za-z0-9_.-]+$/, 'Expected the signed QR code as the IRP returns it (a JWT).'),
        z.describe('The IRP-signed JWT; the PDF prints it as a QR code.'),
      ),
  }),
);
export type RecordGstEinvoiceInput = z.infer<typeof RecordGstEinvoiceBody>;

export const GstEinvoice = /* @__PURE__ */ z.lazy(() =>
  z.object({
    irn: z
      .string()
      .register(z.globalRegistry, { description: 'Lowercase hex SHA-256 of seller GSTIN, financial year (YYYY-YY), document type (INV) and number.' }),
    payload: z
      .looseObject({ Version: z.literal('1.1') })
      .register(z.globalRegistry, { description: "The invoice in NIC's e-invoice JSON schema v1.1, as a GSP submits it to the IRP." }),
    registration: z.optional(z.object({ ackNo: z.string(), ackDate: z.string(), signedQrCode: z.string() })),
  }),
);
