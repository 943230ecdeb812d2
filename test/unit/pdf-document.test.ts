import PDFDocument from 'pdfkit';
import { describe, expect, it, vi } from 'vitest';
import { type DocumentPdfInput, renderDocumentPdf } from '../../functions/core/pdf/document-pdf.ts';
import { pngOf } from '../support/images.ts';
import { pdfTextRuns } from '../support/pdf-text.ts';

const onePixelPng = () => pngOf(32, 32);

const input: DocumentPdfInput = {
  language: 'en',
  organization: { name: 'Acme Consulting GmbH', address: 'Hauptstraße 1\n10115 Berlin', brandColor: '#0a7cff' },
  contact: { name: 'Globex Corporation', email: 'ap@globex.example' },
  document: {
    kind: 'invoice',
    number: 'INV-0042',
    status: 'sent',
    currency: 'EUR',
    issueDate: '2026-03-01',
    dueDate: '2026-03-31',
    lines: [
      { description: 'Consulting, March', quantity: 10, unitPrice: 12000, taxRate: 19, net: 120000, total: 142800 },
      { description: 'Travel', quantity: 1, unitPrice: 4550, discount: 10, taxRate: 7, net: 4095, total: 4382 },
    ],
    subtotal: 124095,
    discountTotal: 0,
    taxes: [
      { code: 'standard', rate: 7, taxable: 4095, tax: 287 },
      { code: 'standard', rate: 19, taxable: 120000, tax: 22800 },
    ],
    taxTotal: 23087,
    total: 147182,
    amountPaid: 50000,
    balance: 97182,
    notes: 'Thank you for your business.',
    terms: 'Payable within 30 days.',
  },
};

describe('renderDocumentPdf', () => {
  it('renders a complete PDF with the number, amounts and sections', async () => {
    const pdf = await renderDocumentPdf(input, { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);

    const runs = pdfTextRuns(pdf);
    expect(runs).toEqual(
      expect.arrayContaining([
        'INVOICE',
        'Number: INV-0042',
        'Issue date: 1 March 2026',
        'Due date: 31 March 2026',
        'Globex Corporation',
        'Consulting, March',
        '€1,200.00',
        'Tax 19% on €1,200.00',
        '€228.00',
        '€1,471.82',
        '-€500.00',
        'Balance due',
        '€971.82',
        'Thank you for your business.',
        'Payable within 30 days.',
      ]),
    );
    // Both lines of the address, with the non-ASCII letter intact.
    expect(runs).toEqual(expect.arrayContaining(['Hauptstraße 1', '10115 Berlin']));
  });

  it('writes labels, money, numbers and dates in the reader’s language', async () => {
    const runs = pdfTextRuns(await renderDocumentPdf({ ...input, language: 'de' }, { compress: false })).map((run) => run.replace(/\u00a0/g, ' '));
    expect(runs).toEqual(
      expect.arrayContaining([
        'RECHNUNG',
        'Nummer: INV-0042',
        'Ausstellungsdatum: 1. März 2026',
        'Fällig am: 31. März 2026',
        'Status: Versendet',
        'RECHNUNG AN',
        '1.200,00 €',
        'USt. 19 % auf 1.200,00 €',
        'Offener Betrag',
        '971,82 €',
      ]),
    );
    const french = pdfTextRuns(await renderDocumentPdf({ ...input, language: 'fr' }, { compress: false })).map((run) => run.replace(/\u00a0/g, ' '));
    // Intl's narrow no-break space has no glyph in the PDF's fonts: the no-break space stands in for it.
    expect(french).toEqual(expect.arrayContaining(['FACTURE', 'Date d’émission: 1 mars 2026', '1 200,00 €', 'Reste à payer']));
  });

  it('embeds an uploaded logo and falls back from a brand colour white text cannot be read on', async () => {
    const logo = await onePixelPng();
    const pdf = await renderDocumentPdf({ ...input, organization: { ...input.organization, logo, brandColor: '#ffff00' } }, { compress: false });
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
    // The heading row is filled with the fallback blue (#1d4ed8 = 0.114 0.306 0.847), never the yellow.
    expect(pdf.toString('latin1')).toMatch(/0\.113\d* 0\.305\d* 0\.847\d* sc/);
    expect(pdf.toString('latin1')).not.toMatch(/\b1 1 0 sc/);
  });

  it('is byte-for-byte reproducible from the same input', async () => {
    const [first, second] = await Promise.all([renderDocumentPdf(input), renderDocumentPdf(input)]);
    expect(first.equals(second)).toBe(true);
    // pdfkit writes the creation date as its own object.
    expect(first.toString('latin1')).toContain('(D:20260301000000Z)');
  });

  it('titles estimates and retainer invoices, and leaves balance off estimates', async () => {
    const estimate = pdfTextRuns(
      await renderDocumentPdf(
        { ...input, document: { ...input.document, kind: 'estimate', dueDate: undefined, expiryDate: '2026-04-15' } },
        { compress: false },
      ),
    );
    expect(estimate).toEqual(expect.arrayContaining(['ESTIMATE', 'Valid until: 15 April 2026', '€1,471.82']));
    expect(estimate).not.toContain('Balance due');
    expect(estimate).not.toContain('Due date: 31 March 2026');

    const retainer = pdfTextRuns(await renderDocumentPdf({ ...input, document: { ...input.document, kind: 'retainer-invoice' } }, { compress: false }));
    expect(retainer).toContain('RETAINER INVOICE');
  });

  it("prints the buyer's reference, and the bank account on what asks for payment only", async () => {
    const paymentAccount = { iban: 'DE02120300000000202051', bic: 'BYLADEM1001', accountName: 'Acme Consulting GmbH' };
    const withAccount = { ...input, paymentAccount, document: { ...input.document, buyerReference: '04011000-1234512345-06' } };
    const invoice = pdfTextRuns(await renderDocumentPdf(withAccount, { compress: false }));
    expect(invoice).toEqual(
      expect.arrayContaining([
        'Your reference: 04011000-1234512345-06',
        'Bank transfer',
        'Account holder: Acme Consulting GmbH',
        'IBAN: DE02 1203 0000 0000 2020 51',
        'BIC: BYLADEM1001',
      ]),
    );
    const german = pdfTextRuns(await renderDocumentPdf({ ...withAccount, language: 'de' }, { compress: false }));
    expect(german).toEqual(expect.arrayContaining(['Überweisung', 'Kontoinhaber: Acme Consulting GmbH']));
    const estimate = pdfTextRuns(
      await renderDocumentPdf({ ...withAccount, document: { ...withAccount.document, kind: 'estimate', dueDate: undefined } }, { compress: false }),
    );
    expect(estimate).not.toContain('Bank transfer');
  });

  it('formats in the document currency, with its minor units', async () => {
    const runs = pdfTextRuns(
      await renderDocumentPdf(
        {
          ...input,
          document: {
            ...input.document,
            currency: 'JPY',
            lines: [{ description: 'Widget', quantity: 3, unitPrice: 1500, taxRate: 10, net: 4500, total: 4950 }],
            subtotal: 4500,
            discountTotal: 500,
            taxes: [{ code: 'standard', rate: 10, taxable: 4000, tax: 400 }],
            taxTotal: 400,
            total: 4400,
            amountPaid: 0,
            balance: 4400,
          },
        },
        { compress: false },
      ),
    );
    expect(runs).toEqual(expect.arrayContaining(['JP¥1,500', '-JP¥500', 'Tax 10% on JP¥4,000', 'JP¥4,400']));
  });

  it('ignores a logo URL: nothing is fetched or embedded', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    try {
      const organization = { ...input.organization, logoUrl: 'https://example.com/logo.png' };
      const pdf = await renderDocumentPdf({ ...input, organization }, { compress: false });
      expect(fetch).not.toHaveBeenCalled();
      expect(pdf.toString('latin1')).not.toContain('/Subtype /Image');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('rejects an unparseable issue date', async () => {
    await expect(renderDocumentPdf({ ...input, document: { ...input.document, issueDate: 'soon' } })).rejects.toThrow(RangeError);
  });

  it('ignores a malformed brand colour instead of passing it to pdfkit', async () => {
    const pdf = await renderDocumentPdf({ ...input, organization: { ...input.organization, brandColor: 'url(https://example.com/x)' } }, { compress: false });
    expect(pdfTextRuns(pdf)).toContain('Acme Consulting GmbH');
  });

  it('carries a long table over to new pages', async () => {
    const lines = Array.from({ length: 80 }, (_, index) => ({
      description: `Item ${index + 1}`,
      quantity: 1,
      unitPrice: 100,
      net: 100,
      total: 100,
    }));
    const pdf = await renderDocumentPdf({ ...input, document: { ...input.document, lines } }, { compress: false });
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type \/Page\b/g)?.length).toBeGreaterThan(1);
    const runs = pdfTextRuns(pdf);
    expect(runs).toContain('Item 80');
    expect(runs.filter((run) => run === 'Description').length).toBeGreaterThan(1);
  });

  it('does work linear in its input: unbroken words are cut before pdfkit wraps them', async () => {
    // Characters pdfkit measures while wrapping: the operation that grew with the square of a word's length.
    const measuredFor = async (wordLength: number, lineCount: number) => {
      const measure = vi.spyOn(PDFDocument.prototype, 'widthOfString');
      const word = 'W'.repeat(wordLength);
      const lines = Array.from({ length: lineCount }, () => ({ description: word, quantity: 1, unitPrice: 100, net: 100, total: 100 }));
      const pdf = await renderDocumentPdf({
        ...input,
        organization: { ...input.organization, name: word.slice(0, 200) },
        contact: { ...input.contact, name: word.slice(0, 200) },
        document: { ...input.document, lines, notes: word.repeat(3).slice(0, 5000), terms: word.repeat(3).slice(0, 5000) },
      });
      const measured = measure.mock.calls.reduce((sum, [text]) => sum + String(text).length, 0);
      measure.mockRestore();
      return { measured, input: wordLength * lineCount + 10_400, pdf };
    };
    const short = await measuredFor(500, 10);
    const worst = await measuredFor(2000, 200);
    // Four times longer words cost four times the work, not sixteen.
    expect(worst.measured / worst.input).toBeLessThan((short.measured / short.input) * 1.5);
    expect(worst.measured).toBeLessThan(worst.input * 10);
    expect(worst.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
