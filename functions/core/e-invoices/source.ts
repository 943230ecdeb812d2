import type { StoredLine } from '../documents/schema.ts';
import type { TaxLine } from '../money/totals.ts';
import type { Party } from '../parties/schema.ts';
import type { TaxCode } from '../tax/codes.ts';

/**
 * What an e-invoice is made from, as plain data: a sent document with its frozen seller and buyer, and the
 * organization's e-invoicing contact and bank account. Amounts are integer minor units of `currency`.
 */

export type EInvoiceTaxCode = TaxCode;

/** A seller or buyer as a sent document froze it, with the email it receives documents at. */
export interface EInvoiceParty extends Party {
  /** Its electronic address when it has no VAT id to route by. */
  email?: string;
}

/** BG-6 and BG-16: who answers questions about the invoice, and the account it is paid into. */
export interface EInvoiceSellerDetails {
  contactName?: string;
  phone?: string;
  email?: string;
  iban?: string;
  bic?: string;
  /** The account holder (BT-85); default: the seller's name. */
  accountName?: string;
}

export type EInvoiceLine = Pick<StoredLine, 'description' | 'quantity' | 'unitPrice' | 'discount' | 'net' | 'discountShare' | 'taxRate' | 'taxCode' | 'hsnSac'>;

export interface EInvoiceDocument {
  kind: 'invoice' | 'retainer-invoice' | 'credit-note';
  number: string;
  issueDate: string;
  dueDate?: string;
  currency: string;
  lines: readonly EInvoiceLine[];
  subtotal: number;
  discountTotal: number;
  taxes: readonly TaxLine[];
  taxTotal: number;
  total: number;
  notes?: string;
  terms?: string;
  /** BT-10, such as a Leitweg-ID; without it the document number stands in. */
  buyerReference?: string;
  /** A credit note's invoice. */
  invoiceReference?: { number: string; issueDate?: string };
}

export interface EInvoiceSource {
  document: EInvoiceDocument;
  seller: EInvoiceParty;
  buyer: EInvoiceParty;
  sellerDetails?: EInvoiceSellerDetails;
}
