import PDFDocument from 'pdfkit';
import { formatMoney } from '../money/currency.ts';
import type { TaxLine } from '../money/totals.ts';
import { BOLD, brandColor, contentLeft, contentRight, ensureSpace, MUTED_COLOR, REGULAR, TEXT_COLOR } from './layout.ts';
import { drawLineTable, type PdfLine } from './line-table.ts';
import { breakLongWords } from './words.ts';

export type DocumentKind = 'invoice' | 'estimate' | 'retainer-invoice' | 'credit-note';

/**
 * Everything the PDF shows, as plain data: rendering never fetches anything,
 * which is why a branding logo (a URL) is not part of the input.
 * Amounts are integer minor units of `document.currency`; dates are YYYY-MM-DD.
 */
export interface DocumentPdfInput {
  organization: {
    name: string;
    address?: string;
    /** `#RRGGBB`; anything else falls back to a neutral colour. */
    brandColor?: string;
  };
  contact: { name: string; email?: string };
  document: {
    kind: DocumentKind;
    number: string;
    status: string;
    currency: string;
    issueDate: string;
    dueDate?: string;
    expiryDate?: string;
    lines: readonly PdfLine[];
    subtotal: number;
    discountTotal: number;
    taxes: readonly TaxLine[];
    taxTotal: number;
    total: number;
    amountPaid: number;
    balance: number;
    notes?: string;
    terms?: string;
    /** A credit note's: the invoice it credits. */
    invoice?: { number: string };
    /** An issued credit note's: what it took off its invoice and what it left as credit. */
    allocation?: { applied: number; credited: number };
  };
}

export interface RenderOptions {
  /** Uncompressed content streams keep the text readable, for tests. Default true. */
  compress?: boolean;
}

const TITLES: Record<DocumentKind, string> = {
  invoice: 'INVOICE',
  estimate: 'ESTIMATE',
  'retainer-invoice': 'RETAINER INVOICE',
  'credit-note': 'CREDIT NOTE',
};

export async function renderDocumentPdf(input: DocumentPdfInput, options: RenderOptions = {}): Promise<Buffer> {
  const { document } = input;
  // A fixed creation date (also the seed of the file ID) makes the bytes depend on the input alone.
  const created = new Date(`${document.issueDate}T00:00:00Z`);
  if (Number.isNaN(created.getTime())) throw new RangeError(`Invalid issue date: ${document.issueDate}`);

  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    compress: options.compress ?? true,
    info: {
      Title: `${TITLES[document.kind]} ${document.number}`,
      Author: input.organization.name,
      Creator: 'Portico',
      CreationDate: created,
    },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const brand = brandColor(input.organization.brandColor);
  let y = drawHeader(doc, input, brand);
  y = drawBillTo(doc, input.contact, y + 24);
  y = drawLineTable(doc, document.lines, document.currency, brand, y + 16);
  drawTotals(doc, document, brand, y + 12);
  drawText(doc, 'Notes', document.notes);
  drawText(doc, 'Terms', document.terms);
  doc.end();
  return await done;
}

/** Organisation on the left, title and document facts on the right; returns the lower bottom edge. */
function drawHeader(doc: PDFKit.PDFDocument, { organization, document }: DocumentPdfInput, brand: string): number {
  const left = contentLeft(doc);
  const half = (contentRight(doc) - left) / 2;
  const top = doc.page.margins.top;

  doc
    .font(BOLD)
    .fontSize(16)
    .fillColor(brand)
    .text(breakLongWords(organization.name, half, 16), left, top, { width: half });
  if (organization.address)
    doc
      .font(REGULAR)
      .fontSize(9)
      .fillColor(MUTED_COLOR)
      .text(breakLongWords(organization.address, half, 9), { width: half });
  const leftBottom = doc.y;

  doc
    .font(BOLD)
    .fontSize(18)
    .fillColor(brand)
    .text(TITLES[document.kind], left + half, top, { width: half, align: 'right' });
  const facts = [
    ['Number', document.number],
    ['Issue date', document.issueDate],
    ['Due date', document.dueDate],
    ['Valid until', document.expiryDate],
    ['Credits invoice', document.invoice?.number],
    ['Status', document.status],
  ];
  doc.font(REGULAR).fontSize(9).fillColor(TEXT_COLOR);
  for (const [label, value] of facts) {
    if (value) doc.text(`${label}: ${value}`, { width: half, align: 'right' });
  }
  return Math.max(leftBottom, doc.y);
}

function drawBillTo(doc: PDFKit.PDFDocument, contact: DocumentPdfInput['contact'], top: number): number {
  const left = contentLeft(doc);
  const width = contentRight(doc) - left;
  doc.font(BOLD).fontSize(8).fillColor(MUTED_COLOR).text('BILL TO', left, top);
  doc
    .font(BOLD)
    .fontSize(11)
    .fillColor(TEXT_COLOR)
    .text(breakLongWords(contact.name, width, 11), { width });
  if (contact.email)
    doc
      .font(REGULAR)
      .fontSize(9)
      .text(breakLongWords(contact.email, width, 9), { width });
  return doc.y;
}

const TOTAL_ROW = 16;

/** Right-aligned summary: subtotal, discount, tax per rate, total and, where payable, what is still due. */
function drawTotals(doc: PDFKit.PDFDocument, document: DocumentPdfInput['document'], brand: string, top: number): void {
  const money = (amount: number) => formatMoney(amount, document.currency);
  const rows: { label: string; value: string; strong?: boolean; color?: string }[] = [
    { label: 'Subtotal', value: money(document.subtotal) },
    ...(document.discountTotal > 0 ? [{ label: 'Discount', value: money(-document.discountTotal) }] : []),
    ...document.taxes.map((tax) => ({ label: `Tax ${tax.rate}% on ${money(tax.taxable)}`, value: money(tax.tax) })),
    { label: 'Total', value: money(document.total), strong: true },
  ];
  // A credit note gives rather than asks: where its amount went instead of a balance.
  if (document.kind === 'credit-note' && document.allocation) {
    rows.push(...(document.invoice ? [{ label: `Applied to ${document.invoice.number}`, value: money(document.allocation.applied) }] : []), {
      label: 'Credit for future invoices',
      value: money(document.allocation.credited),
      strong: true,
      color: brand,
    });
  }
  // An estimate asks for nothing yet, so it has no payments or balance.
  if (document.kind === 'invoice' || document.kind === 'retainer-invoice') {
    rows.push(
      { label: 'Amount paid', value: money(-document.amountPaid) },
      { label: 'Balance due', value: money(document.balance), strong: true, color: brand },
    );
  }

  const right = contentRight(doc);
  let y = ensureSpace(doc, top, rows.length * TOTAL_ROW);
  for (const row of rows) {
    doc
      .font(row.strong ? BOLD : REGULAR)
      .fontSize(row.strong ? 11 : 9)
      .fillColor(row.color ?? TEXT_COLOR);
    doc.text(row.label, right - 330, y, { width: 210, align: 'right' });
    doc.text(row.value, right - 115, y, { width: 115, align: 'right' });
    y += TOTAL_ROW;
  }
  doc.x = contentLeft(doc);
  doc.y = y + 8;
}

/** A titled block of free text below everything else; pdfkit flows it onto new pages as needed. */
function drawText(doc: PDFKit.PDFDocument, title: string, body: string | undefined): void {
  if (!body) return;
  const left = contentLeft(doc);
  const width = contentRight(doc) - left;
  doc.moveDown(0.5);
  // Keep the title with at least the start of its text.
  const top = ensureSpace(doc, doc.y, 40);
  doc.font(BOLD).fontSize(10).fillColor(TEXT_COLOR).text(title, left, top, { width });
  doc
    .font(REGULAR)
    .fontSize(9)
    .fillColor(MUTED_COLOR)
    .text(breakLongWords(body, width, 9), { width });
}
