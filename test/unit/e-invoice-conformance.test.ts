import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { EInvoiceFormatName } from '../../functions/core/e-invoices/formats.ts';
import { generateEInvoice } from '../../functions/core/e-invoices/generate.ts';
import type { EInvoiceSource } from '../../functions/core/e-invoices/source.ts';
import { renderDocumentPdf } from '../../functions/core/pdf/document-pdf.ts';
import { eInvoiceCases } from '../support/einvoice-fixtures.ts';
import { ruleFailures, ruleSetsOf, schemaErrors } from '../support/einvoice-validation.ts';

/**
 * Every case in every XML format against the official rules: the UBL 2.1 or CII D16B schema, the EN 16931
 * Schematron and the Peppol BIS Billing 3.0 rules. Two Peppol rules are waived where they cannot apply, each
 * for a stated reason (docs/e-invoicing.md); DE-R-019 is ignored everywhere by the harness.
 */

type CaseName = keyof typeof eInvoiceCases;
const xmlFormats = ['ubl', 'cii', 'xrechnung'] as const satisfies readonly EInvoiceFormatName[];

/** Peppol's specification identifier (R004) is the `ubl` format's alone: CII and XRechnung carry their own. */
const ownIdentifier = (format: EInvoiceFormatName) => (format === 'ubl' ? [] : ['PEPPOL-EN16931-R004']);
/** A party with no VAT id (a consumer, an Indian GSTIN holder) has its email as electronic address, outside Peppol's EAS list (CL008). */
const emailEndpoint: Partial<Record<CaseName, string[]>> = { ossDistanceSale: ['PEPPOL-EN16931-CL008'], indianIntraState: ['PEPPOL-EN16931-CL008'] };

const cases = Object.keys(eInvoiceCases) as CaseName[];
const generated = new Map<string, Promise<string>>();
const xmlOf = (name: CaseName, format: EInvoiceFormatName) => {
  const key = `${name}/${format}`;
  if (!generated.has(key)) generated.set(key, generateEInvoice(format, eInvoiceCases[name]) as Promise<string>);
  return generated.get(key)!;
};

const brief = (findings: { id: string; text: string }[]) => findings.map((finding) => `${finding.id}: ${finding.text.slice(0, 160)}`);

describe.each(xmlFormats)('%s e-invoices', (format) => {
  const syntax = format === 'cii' ? 'cii' : 'ubl';
  const [en16931, peppol] = ruleSetsOf(syntax) as [Parameters<typeof ruleFailures>[0], Parameters<typeof ruleFailures>[0]];

  // The first test of a rule set loads and links it (seconds on a busy machine).
  it.each(cases)(
    '%s passes the schema, EN 16931 and Peppol BIS 3',
    async (name) => {
      const xml = await xmlOf(name, format);
      expect(schemaErrors(xml)).toEqual([]);
      expect(brief(ruleFailures(en16931, xml))).toEqual([]);
      expect(brief(ruleFailures(peppol, xml, [...ownIdentifier(format), ...(emailEndpoint[name] ?? [])]))).toEqual([]);
    },
    60_000,
  );
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
