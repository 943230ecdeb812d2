/** The e-invoice formats Portico offers, as the `format` query names them. */
export const eInvoiceFormats = ['ubl', 'cii', 'xrechnung', 'facturx'] as const;
export type EInvoiceFormatName = (typeof eInvoiceFormats)[number];

export interface FormatSpec {
  /** The @e-invoice-eu/core format service. */
  library: string;
  contentType: 'application/xml' | 'application/pdf';
  /** The downloaded file's name after the document number. */
  suffix: string;
}

export const formatSpecs: Record<EInvoiceFormatName, FormatSpec> = {
  // UBL 2.1 under the Peppol BIS Billing 3.0 specification identifier.
  ubl: { library: 'UBL', contentType: 'application/xml', suffix: '-ubl.xml' },
  // UN/CEFACT CII D16B under EN 16931's own identifier (urn:cen.eu:en16931:2017), as Factur-X EN 16931 carries it.
  cii: { library: 'CII', contentType: 'application/xml', suffix: '-cii.xml' },
  // XRechnung 3.0 in its UBL syntax.
  xrechnung: { library: 'XRECHNUNG-UBL', contentType: 'application/xml', suffix: '-xrechnung.xml' },
  // Factur-X 1.0 / ZUGFeRD 2 profile EN 16931: the PDF with the CII XML embedded as factur-x.xml.
  facturx: { library: 'Factur-X-EN16931', contentType: 'application/pdf', suffix: '-facturx.pdf' },
};
