import { createHash } from 'node:crypto';

export type GstDocType = 'INV' | 'CRN' | 'DBN';

/** India's financial year of a date, as the IRP writes it: 1 April 2019 to 31 March 2020 is `2019-20`. */
export function financialYear(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * The Invoice Reference Number the IRP gives a document: the lowercase hex
 * SHA-256 of seller GSTIN, financial year, document type and number, joined
 * with nothing between them. Computed here too, so what the IRP returns can be
 * checked against it.
 */
export function invoiceReferenceNumber(sellerGstin: string, financialYear: string, docType: GstDocType, docNumber: string): string {
  return createHash('sha256').update(`${sellerGstin}${financialYear}${docType}${docNumber}`).digest('hex');
}

/** The IRP's rule for document numbers: 1–16 characters, letters, digits, `/` and `-`, not starting with 0, `/` or `-`. */
export const GST_DOCUMENT_NUMBER = /^[A-Z1-9][A-Z0-9/-]{0,15}$/;
