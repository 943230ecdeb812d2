import * as z from 'zod/mini';
import type { RawReply } from '../route-spec.ts';
import { eInvoiceFormats } from './formats.ts';

export const EInvoiceQuery = /* @__PURE__ */ z.lazy(() =>
  z.object({
    format: z._default(
      z.enum(eInvoiceFormats).register(z.globalRegistry, {
        description:
          '`ubl`: UBL 2.1, Peppol BIS Billing 3.0 (default). `cii`: UN/CEFACT CII D16B, EN 16931. `xrechnung`: XRechnung 3.0, UBL syntax. `facturx`: Factur-X 1.0 / ZUGFeRD 2 profile EN 16931, a PDF/A-3 with the CII XML embedded.',
      }),
      'ubl',
    ),
  }),
);

/** An e-invoice: XML, or a PDF for Factur-X. */
export const eInvoiceReply: RawReply = { raw: ['application/xml', 'application/pdf'] };
