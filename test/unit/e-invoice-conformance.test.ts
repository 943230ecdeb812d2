import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { EInvoiceFormatName } from '../../functions/core/e-invoices/formats.ts';
import { generateEInvoice } from '../../functions/core/e-invoices/generate.ts';
import { eInvoiceData, PEPPOL_BIS_CUSTOMIZATION } from '../../functions/core/e-invoices/invoice-data.ts';
import type { EInvoiceSource } from '../../functions/core/e-invoices/source.ts';
import { renderDocumentPdf } from '../../functions/core/pdf/document-pdf.ts';
import { domesticMultiRate, eInvoiceCases } from '../support/einvoice-fixtures.ts';
import type { RuleSetName } from '../support/einvoice-rules/rule-sets.ts';
import { ignoredRules, ruleFailures, schemaErrors } from '../support/einvoice-validation.ts';

/**
 * Every case in every XML format against the official rules that apply to it: the UBL 2.1 or CII D16B schema and
 * the EN 16931 Schematron always; the Peppol BIS Billing 3.0 rules for a document that declares Peppol BIS as its
 * specification (BT-24), which Peppol's rules require of every document they govern (PEPPOL-EN16931-R004); KoSIT's
 * XRechnung rules for `xrechnung`. Only DE-R-019 is ignored, by the harness (docs/e-invoicing.md says why).
 */

type CaseName = keyof typeof eInvoiceCases;
const xmlFormats = ['ubl', 'cii', 'xrechnung'] as const satisfies readonly EInvoiceFormatName[];

/** The rule sets that govern a document of a format, read from what it declares. */
function ruleSetsFor(format: EInvoiceFormatName, xml: string): RuleSetName[] {
  const syntax = format === 'cii' ? 'cii' : 'ubl';
  const declaresPeppol = xml.includes(`>${PEPPOL_BIS_CUSTOMIZATION}</`);
  return [`en16931-${syntax}`, ...(declaresPeppol ? [`peppol-${syntax}` as const] : []), ...(format === 'xrechnung' ? ['xrechnung-ubl' as const] : [])];
}

const cases = Object.keys(eInvoiceCases) as CaseName[];
const generated = new Map<string, Promise<string>>();
const xmlOf = (name: CaseName, format: EInvoiceFormatName) => {
  const key = `${name}/${format}`;
  if (!generated.has(key)) generated.set(key, generateEInvoice(format, eInvoiceCases[name]) as Promise<string>);
  return generated.get(key)!;
};

const brief = (findings: { id: string; text: string }[]) => findings.map((finding) => `${finding.id}: ${finding.text.slice(0, 160)}`);

describe.each(xmlFormats)('%s e-invoices', (format) => {
  // The first test of a rule set loads and links it (seconds on a busy machine).
  it.each(cases)(
    '%s passes the schema and every rule set that governs it',
    async (name) => {
      const xml = await xmlOf(name, format);
      expect(schemaErrors(xml)).toEqual([]);
      for (const rules of ruleSetsFor(format, xml)) expect({ rules, failures: brief(ruleFailures(rules, xml)) }).toEqual({ rules, failures: [] });
    },
    60_000,
  );
});

describe('which rules govern which file', () => {
  it('Peppol BIS where both parties have a Peppol address, EN 16931 UBL where one has only an email; XRechnung by KoSIT', async () => {
    const governing = async (format: EInvoiceFormatName) =>
      Object.fromEntries(await Promise.all(cases.map(async (name) => [name, ruleSetsFor(format, await xmlOf(name, format))])));
    expect(await governing('ubl')).toEqual({
      domesticMultiRate: ['en16931-ubl', 'peppol-ubl'],
      euReverseCharge: ['en16931-ubl', 'peppol-ubl'],
      ossDistanceSale: ['en16931-ubl'],
      creditNote: ['en16931-ubl', 'peppol-ubl'],
      indianIntraState: ['en16931-ubl'],
    });
    expect(text(await xmlOf('ossDistanceSale', 'ubl'), 'cbc:CustomizationID')).toEqual(['urn:cen.eu:en16931:2017']);
    expect(new Set(Object.values(await governing('cii')).flat())).toEqual(new Set(['en16931-cii']));
    expect(new Set(Object.values(await governing('xrechnung')).flat())).toEqual(new Set(['en16931-ubl', 'xrechnung-ubl']));
    expect(ignoredRules).toEqual(['DE-R-019']);
  });
});

const text = (xml: string, element: string) => [...xml.matchAll(new RegExp(`<${element}(?: [^>]*)?>([^<]*)</${element}>`, 'g'))].map((match) => match[1]);

describe('what the e-invoices say', () => {
  it('a multi-rate invoice: lines, the discount per rate, the VAT breakdown and the totals, exactly as the document', async () => {
    const ubl = await xmlOf('domesticMultiRate', 'ubl');
    expect(text(ubl, 'cbc:CustomizationID')).toEqual(['urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0']);
    expect(text(ubl, 'cbc:InvoiceTypeCode')).toEqual(['380']);
    expect(text(ubl, 'cbc:TaxableAmount')).toEqual(['57.00', '106.87']);
    expect(text(ubl, 'cbc:Percent')).toEqual(['19', '7', '7', '19', '19', '7']);
    expect(text(ubl, 'cbc:LineExtensionAmount')).toEqual(['172.50', '112.50', '60.00']);
    expect(text(ubl, 'cbc:TaxExclusiveAmount')).toEqual(['163.87']);
    expect(text(ubl, 'cbc:TaxInclusiveAmount')).toEqual(['188.17']);
    expect(text(ubl, 'cbc:PayableAmount')).toEqual(['188.17']);
    const cii = await xmlOf('domesticMultiRate', 'cii');
    expect(text(cii, 'ram:GrandTotalAmount')).toEqual(['188.17']);
    expect(text(cii, 'ram:OccurrenceDateTime')).toHaveLength(0);
    expect(cii).toContain('<udt:DateTimeString format="102">20261201</udt:DateTimeString>');
  });

  it("the seller contact (BG-6) and a SEPA credit transfer to the organization's account (BG-16, BG-17)", async () => {
    const ubl = await xmlOf('domesticMultiRate', 'ubl');
    expect(text(ubl, 'cbc:Telephone')).toEqual(['+49 30 1234567']);
    expect(text(ubl, 'cbc:PaymentMeansCode')).toEqual(['58']);
    expect(ubl).toContain('<cbc:ID>DE02120300000000202051</cbc:ID>');
    const cii = await xmlOf('domesticMultiRate', 'cii');
    expect(text(cii, 'ram:TypeCode')).toContain('58');
    expect(text(cii, 'ram:IBANID')).toEqual(['DE02120300000000202051']);
    const means = (sellerDetails: EInvoiceSource['sellerDetails']) =>
      eInvoiceData({ ...domesticMultiRate, sellerDetails })['ubl:Invoice']['cac:PaymentMeans']?.map((payment) => payment['cbc:PaymentMeansCode']);
    // Outside the Single Euro Payments Area a transfer to an IBAN is a plain credit transfer; without an account the instrument is not defined.
    expect(means({ iban: 'AE070331234567890123456' })).toEqual(['30']);
    expect(means({})).toEqual(['1']);
  });

  it("the buyer's reference (BT-10), such as a Leitweg-ID, where given; else the document number", async () => {
    const leitwegId = '04011000-1234512345-06';
    const source = { ...domesticMultiRate, document: { ...domesticMultiRate.document, buyerReference: leitwegId } };
    const xrechnung = (await generateEInvoice('xrechnung', source)) as string;
    expect(text(xrechnung, 'cbc:BuyerReference')).toEqual([leitwegId]);
    expect(brief(ruleFailures('xrechnung-ubl', xrechnung))).toEqual([]);
    const cii = (await generateEInvoice('cii', source)) as string;
    expect(text(cii, 'ram:BuyerReference')).toEqual([leitwegId]);
    expect(text(await xmlOf('domesticMultiRate', 'ubl'), 'cbc:BuyerReference')).toEqual(['INV-000042']);
  }, 60_000);

  it('a reverse charge: category AE at 0 %, both VAT ids, and the legend', async () => {
    const ubl = await xmlOf('euReverseCharge', 'ubl');
    expect(text(ubl, 'cbc:CompanyID')).toEqual(['DE123456789', 'FR40303265045']);
    expect(text(ubl, 'cbc:TaxExemptionReasonCode')).toEqual(['VATEX-EU-AE']);
    expect(text(ubl, 'cbc:Note')).toEqual(['Reverse charge: VAT to be accounted for by the customer (Article 196 Directive 2006/112/EC).', 'Due 2027-01-01']);
  });

  it("an OSS sale: the destination's rate, the consumer with no VAT id", async () => {
    const ubl = await xmlOf('ossDistanceSale', 'ubl');
    expect(text(ubl, 'cbc:Percent')).toEqual(['20', '20']);
    expect(text(ubl, 'cbc:CompanyID')).toEqual(['DE123456789']);
  });

  it('a credit note: a UBL CreditNote and CII type 381, with the invoice it credits', async () => {
    const ubl = await xmlOf('creditNote', 'ubl');
    expect(ubl).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    expect(text(ubl, 'cbc:CreditNoteTypeCode')).toEqual(['381']);
    expect(text(ubl, 'cbc:CreditedQuantity')).toEqual(['2']);
    const cii = await xmlOf('creditNote', 'cii');
    expect(text(cii, 'ram:TypeCode')[0]).toBe('381');
    expect(text(cii, 'ram:IssuerAssignedID')).toEqual(['INV-000042']);
  });

  it('an Indian invoice: the GSTINs as tax registration and legal identifiers, the HSN/SAC code, rupees', async () => {
    const cii = await xmlOf('indianIntraState', 'cii');
    expect(cii).toContain('<ram:ID schemeID="FC">29AAFCC9980M1ZR</ram:ID>');
    expect(text(cii, 'ram:InvoiceCurrencyCode')).toEqual(['INR']);
    expect(cii).toContain('<ram:ClassCode listID="HS">998391</ram:ClassCode>');
    expect(text(cii, 'ram:DuePayableAmount')).toEqual(['11800.00']);
  });
});

/** The file streams of a PDF inflated, to read what is embedded in it. */
function pdfStreams(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((match) => {
    const raw = Buffer.from(match[1]!, 'latin1');
    try {
      return inflateSync(raw).toString('utf8');
    } catch {
      return raw.toString('latin1');
    }
  });
}

function portico(source: EInvoiceSource) {
  const { document } = source;
  return renderDocumentPdf(
    {
      language: 'en',
      organization: { name: source.seller.name },
      contact: { name: source.buyer.name },
      document: {
        ...document,
        kind: 'invoice',
        status: 'sent',
        amountPaid: 0,
        balance: document.total,
        lines: document.lines.map((line) => ({ ...line, tax: 0, total: line.net })),
      },
    },
    {
      embeddedFonts: {
        regular: readFileSync(new URL('../../functions/core/e-invoices/fonts/LiberationSans-Regular.ttf', import.meta.url)),
        bold: readFileSync(new URL('../../functions/core/e-invoices/fonts/LiberationSans-Bold.ttf', import.meta.url)),
      },
    },
  );
}

describe('Factur-X', () => {
  it('is a PDF/A-3 with the CII invoice embedded as factur-x.xml, the relationship declared and its fonts embedded', async () => {
    const source = eInvoiceCases.domesticMultiRate;
    const pdf = Buffer.from(await generateEInvoice('facturx', source, await portico(source)));
    const raw = pdf.toString('latin1');
    const streams = pdfStreams(pdf);
    expect(streams).toContain(await xmlOf('domesticMultiRate', 'cii'));
    expect(raw).toContain('/F (factur-x.xml)');
    expect(raw).toContain('/AFRelationship /Alternative');
    expect(raw).toMatch(/\/AF \[ \d+ 0 R \]/);
    expect(raw).toContain('/Type /OutputIntent');
    expect(raw).toContain('/S /GTS_PDFA1');
    const xmp = streams.find((stream) => stream.includes('<x:xmpmeta'))!;
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain('<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>');
    // Every font the pages use is a TrueType font embedded in the file (no standard font the viewer supplies).
    const fonts = [...raw.matchAll(/\/Type \/Font\s*\/Subtype \/(\w+)/g)].map((match) => match[1]);
    expect(fonts.length).toBeGreaterThan(0);
    expect(raw.match(/\/FontFile2 \d+ 0 R/g)?.length).toBe(raw.match(/\/Type \/FontDescriptor/g)?.length);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  }, 60_000);
});
