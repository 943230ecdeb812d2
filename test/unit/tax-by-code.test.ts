import { describe, expect, it } from 'vitest';
import { composeDocument, type TaxParties } from '../../functions/core/documents/compose.ts';
import { Unprocessable } from '../../functions/core/errors.ts';
import { financialYear, invoiceReferenceNumber } from '../../functions/core/gst/irn.ts';
import { assertTaxRegistration, gstinCheckCharacter, isGstin } from '../../functions/core/parties/tax-ids.ts';
import { uncl5305 } from '../../functions/core/tax/codes.ts';
import { standardRate } from '../../functions/core/tax/oss-rates.ts';

const berlin = { line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117', country: 'DE' };
const paris = { line1: '1 rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'FR' };
const helsinki = { line1: 'Mannerheimintie 1', city: 'Helsinki', postalCode: '00100', country: 'FI' };
const germanSeller = { name: 'Acme GmbH', address: berlin, taxId: 'DE136695976', taxScheme: 'vat' as const };
const bengaluru = { line1: '1 MG Road', city: 'Bengaluru', postalCode: '560001', region: 'KA', country: 'IN' };
const indianSeller = { name: 'Chennai Traders', address: bengaluru, taxId: '29AAFCC9980M1ZR', taxScheme: 'gst' as const };

function compose(parties: TaxParties, lines: Parameters<typeof composeDocument>[1]['lines'], issueDate = '2026-03-01', currency = 'EUR') {
  return composeDocument('invoice', { contactId: 'con_1', currency, issueDate, lines, discount: { type: 'percent', value: 10 } }, parties);
}

describe('tax by code: exact fixtures', () => {
  it('domestic multi-rate: one group per code and rate, rounded once per group after the document discount', () => {
    const document = compose({ seller: germanSeller, buyer: { name: 'Kunde', address: berlin }, oss: false }, [
      { description: 'Consulting', quantity: 3, unitPrice: 12_345, taxRate: 19 },
      { description: 'Books', quantity: 2, unitPrice: 1_999, taxCode: 'reduced', taxRate: 7 },
      { description: 'Insurance', quantity: 1, unitPrice: 5_000, taxCode: 'exempt' },
    ]);
    // nets 37035, 3998, 5000 = 46033; discount 10 % = 4603.3 → 4603, shared 3703 / 400 / 500
    // standard 19 %: 33332 × 0.19 = 6333.08 → 6333; reduced 7 %: 3598 × 0.07 = 251.86 → 252
    expect(document.taxes).toEqual([
      { code: 'exempt', rate: 0, taxable: 4500, tax: 0 },
      { code: 'reduced', rate: 7, taxable: 3598, tax: 252 },
      { code: 'standard', rate: 19, taxable: 33332, tax: 6333 },
    ]);
    expect(document).toMatchObject({ subtotal: 46033, discountTotal: 4603, taxTotal: 6585, total: 48015 });
    expect(document.lines.map((line) => [line.taxCode, line.taxRate])).toEqual([
      ['standard', 19],
      ['reduced', 7],
      ['exempt', 0],
    ]);
  });

  it('EU B2B to another member state with a VAT id: reverse charge at 0 %', () => {
    const document = compose({ seller: germanSeller, buyer: { name: 'Client SA', address: paris, taxId: 'FR40303265045', taxScheme: 'vat' }, oss: false }, [
      { description: 'Consulting', quantity: 3, unitPrice: 12_345, taxRate: 19 },
      { description: 'Books', quantity: 2, unitPrice: 1_999, taxCode: 'reduced', taxRate: 7 },
    ]);
    expect(document.taxes).toEqual([{ code: 'reverse_charge', rate: 0, taxable: 36930, tax: 0 }]);
    expect(document).toMatchObject({ subtotal: 41033, discountTotal: 4103, taxTotal: 0, total: 36930 });
    expect(document.lines[0]).toMatchObject({ taxCode: 'reverse_charge', taxRate: 0, entered: { taxRate: 19 } });
    expect(uncl5305.reverse_charge).toBe('AE');
  });

  it("EU B2C by an OSS-registered seller: the destination's rate on the issue date, and the old rate before its change", () => {
    const parties = { seller: germanSeller, buyer: { name: 'Matti', address: helsinki }, oss: true };
    const lines = [{ description: 'Software licence', quantity: 1, unitPrice: 10_000, taxRate: 19 }];
    // Finland: 24 % until 31 August 2024, 25.5 % from 1 September 2024. 9000 × 0.255 = 2295; × 0.24 = 2160
    expect(compose(parties, lines, '2024-09-01').taxes).toEqual([{ code: 'standard', rate: 25.5, taxable: 9000, tax: 2295 }]);
    expect(compose(parties, lines, '2024-08-31').taxes).toEqual([{ code: 'standard', rate: 24, taxable: 9000, tax: 2160 }]);
    expect(standardRate('FI', '2024-08-31', 'x')).toBe(24);
    // Without the OSS the seller's own rate applies.
    expect(compose({ ...parties, oss: false }, lines, '2024-09-01').taxes).toEqual([{ code: 'standard', rate: 19, taxable: 9000, tax: 1710 }]);
  });

  it('India intra-state: CGST + SGST, half the rate each, rounded on their own', () => {
    const buyer = { name: 'Bangalore Buyer', address: bengaluru, taxId: '29AABCT1332L1ZA', taxScheme: 'gst' as const };
    const document = compose(
      { seller: indianSeller, buyer, oss: false },
      [
        { description: 'Steel rods', quantity: 7, unitPrice: 33_333, taxRate: 18, hsnSac: '72142000' },
        { description: 'Installation', quantity: 1, unitPrice: 10_001, taxRate: 5, hsnSac: '995461' },
      ],
      '2026-03-01',
      'INR',
    );
    // nets 233331, 10001 = 243332; 10 % = 24333.2 → 24333 shared 23333 / 1000 → taxable 209998 and 9001
    // 18 %: half 9 % of 209998 = 18899.82 → 18900 each; 5 %: 2.5 % of 9001 = 225.025 → 225 each
    expect(document.taxes).toEqual([
      {
        code: 'standard',
        rate: 5,
        taxable: 9001,
        tax: 450,
        components: [
          { name: 'CGST', rate: 2.5, tax: 225 },
          { name: 'SGST', rate: 2.5, tax: 225 },
        ],
      },
      {
        code: 'standard',
        rate: 18,
        taxable: 209998,
        tax: 37800,
        components: [
          { name: 'CGST', rate: 9, tax: 18900 },
          { name: 'SGST', rate: 9, tax: 18900 },
        ],
      },
    ]);
    expect(document).toMatchObject({ subtotal: 243332, discountTotal: 24333, taxTotal: 38250, total: 257249 });
  });

  it('India inter-state: IGST at the full rate, by the buyer GSTIN state', () => {
    const buyer = { name: 'Mumbai Buyer', taxId: '27AAPFU0939F1ZV', taxScheme: 'gst' as const };
    const document = compose(
      { seller: indianSeller, buyer, oss: false },
      [{ description: 'Steel rods', quantity: 7, unitPrice: 33_333, taxRate: 18, hsnSac: '72142000' }],
      '2026-03-01',
      'INR',
    );
    // 233331 − 23333 = 209998; 18 % = 37799.64 → 37800
    expect(document.taxes).toEqual([{ code: 'standard', rate: 18, taxable: 209998, tax: 37800, components: [{ name: 'IGST', rate: 18, tax: 37800 }] }]);
  });

  it('India: a line without an HSN/SAC code is refused', () => {
    expect(() => compose({ seller: indianSeller, buyer: { name: 'B' }, oss: false }, [{ description: 'X', quantity: 1, unitPrice: 100, taxRate: 18 }])).toThrow(
      expect.objectContaining({ code: 'HSN_SAC_REQUIRED', details: { field: 'lines[0].hsnSac' } }),
    );
  });
});

describe('tax ids', () => {
  it('checks a GSTIN by its mod-36 check character', () => {
    expect(gstinCheckCharacter('29AAFCC9980M1Z')).toBe('R');
    expect(isGstin('29AAFCC9980M1ZR')).toBe(true);
    expect(isGstin('29AAFCC9980M1ZS')).toBe(false);
    expect(() => assertTaxRegistration({ country: 'IN', scheme: 'gst', id: '29AAFCC9980M1ZS' }, 'taxId')).toThrow(Unprocessable);
  });

  it('checks EU VAT ids by their country format, XI included', () => {
    expect(() => assertTaxRegistration({ country: 'DE', scheme: 'vat', id: 'DE136695976' }, 'id')).not.toThrow();
    expect(() => assertTaxRegistration({ country: 'GB', scheme: 'vat', id: 'XI366746369' }, 'id')).not.toThrow();
    expect(() => assertTaxRegistration({ country: 'DE', scheme: 'vat', id: 'DE12345' }, 'id')).toThrow(expect.objectContaining({ code: 'INVALID_VAT_ID' }));
    expect(() => assertTaxRegistration({ country: 'DE', scheme: 'vat', id: 'FR40303265045' }, 'id')).toThrow(
      expect.objectContaining({ code: 'INVALID_VAT_ID' }),
    );
  });
});

describe('IRN', () => {
  it("matches GSTZen's published example", () => {
    expect(financialYear('2019-04-01')).toBe('2019-20');
    expect(financialYear('2020-03-31')).toBe('2019-20');
    const irn = invoiceReferenceNumber('29AAFCC9980M1ZR', '2019-20', 'INV', '2019-20/KA/1');
    expect(irn).toBe('23f498ee41441ecad30f72ba5b9907506c3df70a17b0e0dff46b76a786400662');
  });
});
