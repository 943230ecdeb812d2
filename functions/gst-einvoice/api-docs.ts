import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: "India's GST e-invoice: the IRN and registration payload of a sent invoice, and the IRP's answer. Portico calls no government portal; a GSP integration submits the payload and the answer is recorded here.",
  operations: {
    'GET /v1/orgs/{orgId}/invoices/{docId}/gst-einvoice': {
      description:
        'For a sent invoice of an organization with an Indian GSTIN (`422 NOT_GST_REGISTERED` otherwise; a draft is `409 DOCUMENT_NOT_SENT`), to a buyer with a GSTIN or abroad (`422 GST_EINVOICE_NOT_B2B`), in INR, with 6-digit PIN codes in both addresses (`422 GST_ADDRESS_INCOMPLETE`). `irn` is the lowercase hex SHA-256 of seller GSTIN + financial year (`2026-27`) + `INV` + number; `payload` follows the e-invoice JSON schema v1.1 from the frozen seller and buyer. `registration` appears once recorded.',
    },
    'PUT /v1/orgs/{orgId}/invoices/{docId}/gst-einvoice': {
      description:
        "Records the IRP's answer once (`409 GST_EINVOICE_RECORDED` after); `irn` must be the invoice's (`422 IRN_MISMATCH`). The PDF then prints the IRN, acknowledgement and the signed QR code as a QR code.",
      example: {
        irn: '23f498ee41441ecad30f72ba5b9907506c3df70a17b0e0dff46b76a786400662',
        ackNo: '112010000000000',
        ackDate: '2026-12-07 10:15:00',
        signedQrCode: 'eyJhbGciOiJSUzI1NiJ9.eyJkYXRhIjoie30ifQ.c2lnbmF0dXJl',
      },
    },
  },
} satisfies AreaDocs<typeof routes>;
