import type { EInvoiceSource } from '../../functions/core/e-invoices/source.ts';

/**
 * The documents every e-invoice format must express within the official rules: a domestic invoice at two rates
 * with a line discount and a document discount, an EU reverse charge, an OSS distance sale to a consumer, a credit
 * note against an invoice and an Indian intra-state GST invoice. Figures are what Portico's totals compute.
 */

const berlinSeller = {
  name: 'Musterfirma GmbH',
  address: { line1: 'Friedrichstraße 10', city: 'Berlin', postalCode: '10117', country: 'DE' },
  taxId: 'DE123456789',
  taxScheme: 'vat' as const,
};
const sellerDetails = { contactName: 'Erika Muster', phone: '+49 30 1234567', email: 'billing@musterfirma.example', iban: 'DE02120300000000202051' };

export const domesticMultiRate: EInvoiceSource = {
  seller: berlinSeller,
  sellerDetails,
  buyer: {
    name: 'Beispiel AG',
    address: { line1: 'Marienplatz 1', city: 'München', postalCode: '80331', country: 'DE' },
    taxId: 'DE987654321',
    taxScheme: 'vat',
    email: 'ap@beispiel.example',
  },
  document: {
    kind: 'invoice',
    number: 'INV-000042',
    issueDate: '2026-12-01',
    dueDate: '2026-12-31',
    currency: 'EUR',
    // 10 × 12.50 less 10 % = 112.50; 3 books × 20.00 = 60.00; 5 % off the whole: 5.63 and 3.00.
    lines: [
      { description: 'Consulting hours', quantity: 10, unitPrice: 1250, discount: 10, net: 11250, discountShare: 563, taxRate: 19, taxCode: 'standard' },
      { description: 'Printed handbook', quantity: 3, unitPrice: 2000, net: 6000, discountShare: 300, taxRate: 7, taxCode: 'reduced' },
    ],
    subtotal: 17250,
    discountTotal: 863,
    taxes: [
      { code: 'reduced', rate: 7, taxable: 5700, tax: 399 },
      { code: 'standard', rate: 19, taxable: 10687, tax: 2031 },
    ],
    taxTotal: 2430,
    total: 18817,
    notes: 'Thank you for your business.',
  },
};

export const euReverseCharge: EInvoiceSource = {
  seller: berlinSeller,
  sellerDetails,
  buyer: {
    name: 'Société Exemple SARL',
    address: { line1: '12 rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR' },
    taxId: 'FR40303265045',
    taxScheme: 'vat',
    email: 'compta@exemple.example',
  },
  document: {
    kind: 'invoice',
    number: 'INV-000043',
    issueDate: '2026-12-02',
    dueDate: '2027-01-01',
    currency: 'EUR',
    lines: [
      { description: 'Software licence, one year', quantity: 1, unitPrice: 120000, net: 120000, discountShare: 0, taxRate: 0, taxCode: 'reverse_charge' },
    ],
    subtotal: 120000,
    discountTotal: 0,
    taxes: [{ code: 'reverse_charge', rate: 0, taxable: 120000, tax: 0 }],
    taxTotal: 0,
    total: 120000,
  },
};

export const ossDistanceSale: EInvoiceSource = {
  seller: berlinSeller,
  sellerDetails,
  buyer: { name: 'Marie Dupont', address: { line1: '5 avenue Foch', city: 'Lyon', postalCode: '69006', country: 'FR' }, email: 'marie@dupont.example' },
  document: {
    kind: 'invoice',
    number: 'INV-000044',
    issueDate: '2026-12-03',
    currency: 'EUR',
    // France's standard rate at the destination: 20 %.
    lines: [{ description: 'Ceramic teapot', quantity: 2, unitPrice: 3450, net: 6900, discountShare: 0, taxRate: 20, taxCode: 'standard' }],
    subtotal: 6900,
    discountTotal: 0,
    taxes: [{ code: 'standard', rate: 20, taxable: 6900, tax: 1380 }],
    taxTotal: 1380,
    total: 8280,
  },
};

export const creditNote: EInvoiceSource = {
  ...domesticMultiRate,
  document: {
    kind: 'credit-note',
    number: 'CN-000007',
    issueDate: '2026-12-05',
    currency: 'EUR',
    lines: [{ description: 'Consulting hours not worked', quantity: 2, unitPrice: 1250, net: 2500, discountShare: 0, taxRate: 19, taxCode: 'standard' }],
    subtotal: 2500,
    discountTotal: 0,
    taxes: [{ code: 'standard', rate: 19, taxable: 2500, tax: 475 }],
    taxTotal: 475,
    total: 2975,
    invoiceReference: { number: 'INV-000042', issueDate: '2026-12-01' },
  },
};

export const indianIntraState: EInvoiceSource = {
  seller: {
    name: 'Chakra Traders Pvt Ltd',
    address: { line1: '14 MG Road', city: 'Bengaluru', postalCode: '560001', region: 'KA', country: 'IN' },
    taxId: '29AAFCC9980M1ZR',
    taxScheme: 'gst',
    email: 'accounts@chakra.example',
  },
  sellerDetails: { contactName: 'Accounts', phone: '+91 80 2558 1234', email: 'accounts@chakra.example' },
  buyer: {
    name: 'Nandi Foods LLP',
    address: { line1: '3 Residency Road', city: 'Bengaluru', postalCode: '560025', region: 'KA', country: 'IN' },
    taxId: '29AAGCB7383J1Z4',
    taxScheme: 'gst',
    email: 'ap@nandi.example',
  },
  document: {
    kind: 'invoice',
    number: 'KA-2026-118',
    issueDate: '2026-12-04',
    dueDate: '2026-12-19',
    currency: 'INR',
    // 18 % GST within Karnataka: CGST 9 % + SGST 9 %, 900.00 each on 10,000.00.
    lines: [
      { description: 'Packaging design', quantity: 1, unitPrice: 1000000, net: 1000000, discountShare: 0, taxRate: 18, taxCode: 'standard', hsnSac: '998391' },
    ],
    subtotal: 1000000,
    discountTotal: 0,
    taxes: [{ code: 'standard', rate: 18, taxable: 1000000, tax: 180000 }],
    taxTotal: 180000,
    total: 1180000,
  },
};

export const eInvoiceCases = { domesticMultiRate, euReverseCharge, ossDistanceSale, creditNote, indianIntraState } as const;
