/**
 * What an e-invoice is made from, as plain data: a sent document with its frozen seller and buyer, and the
 * organization's e-invoicing contact and bank account. Amounts are integer minor units of `currency`.
 */

export type EInvoiceTaxCode = 'standard' | 'reduced' | 'zero' | 'exempt' | 'reverse_charge' | 'outside_scope';

export interface EInvoiceAddress {
  line1?: string;
  line2?: string;
  city?: string;
  postalCode?: string;
  region?: string;
  country?: string;
}

export interface EInvoiceParty {
  name: string;
  address?: EInvoiceAddress;
  /** A VAT id with its country prefix, a GSTIN or another tax number. */
  taxId?: string;
  taxScheme?: 'vat' | 'gst';
  /** Where the party receives documents: its electronic address when it has no VAT id to route by. */
  email?: string;
}

/** BG-6 and BG-16: who answers questions about the invoice, and the account it is paid into. */
export interface EInvoiceSellerDetails {
  contactName?: string;
  phone?: string;
  email?: string;
  iban?: string;
  bic?: string;
}

export interface EInvoiceLine {
  description: string;
  quantity: number;
  unitPrice: number;
  /** Percent, 0–100. */
  discount?: number;
  net: number;
  /** This line's share of the document discount. */
  discountShare: number;
  taxRate?: number;
  taxCode?: EInvoiceTaxCode;
  hsnSac?: string;
}

export interface EInvoiceTax {
  code?: EInvoiceTaxCode;
  rate: number;
  taxable: number;
  tax: number;
}

export interface EInvoiceDocument {
  kind: 'invoice' | 'retainer-invoice' | 'credit-note';
  number: string;
  issueDate: string;
  dueDate?: string;
  currency: string;
  lines: readonly EInvoiceLine[];
  subtotal: number;
  discountTotal: number;
  taxes: readonly EInvoiceTax[];
  taxTotal: number;
  total: number;
  notes?: string;
  terms?: string;
  /** A credit note's invoice. */
  invoiceReference?: { number: string; issueDate?: string };
}

export interface EInvoiceSource {
  document: EInvoiceDocument;
  seller: EInvoiceParty;
  buyer: EInvoiceParty;
  sellerDetails?: EInvoiceSellerDetails;
}
