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
    /** The seller's VAT id or GSTIN, as `VAT DE136695976`. */
    taxId?: string;
  };
  contact: { name: string; email?: string; address?: string; taxId?: string };
  /** Statements the law wants printed, such as the reverse-charge legend. */
  legends?: readonly string[];
  /** India: the invoice's registration with the IRP; the QR code is a PNG of the signed QR. */
  gstEinvoice?: { irn: string; ackNo: string; ackDate: string; qrCode: Buffer };
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
  for (const legend of input.legends ?? []) drawText(doc, 'Tax', legend);
  if (input.gstEinvoice) drawGstEinvoice(doc, input.gstEinvoice);
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
  for (const detail of [organization.address, organization.taxId]) {
    if (detail)
      doc
        .font(REGULAR)
        .fontSize(9)
        .fillColor(MUTED_COLOR)
        .text(breakLongWords(detail, half, 9), { width: half });
  }
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
  for (const detail of [contact.address, contact.taxId, contact.email]) {
    if (detail)
      doc
        .font(REGULAR)
        .fontSize(9)
        .text(breakLongWords(detail, width, 9), { width });
  }
  return doc.y;
}

const TOTAL_ROW = 16;

/** Right-aligned summary: subtotal, discount, tax per rate, total and, where payable, what is still due. */
function drawTotals(doc: PDFKit.PDFDocument, document: DocumentPdfInput['document'], brand: string, top: number): void {
  const money = (amount: number) => formatMoney(amount, document.currency);
  const rows: { label: string; value: string; strong?: boolean; color?: string }[] = [
    { label: 'Subtotal', value: money(document.subtotal) },
    ...(document.discountTotal > 0 ? [{ label: 'Discount', value: money(-document.discountTotal) }] : []),
    ...document.taxes.flatMap((tax) => taxRows(tax, money)),
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

const TAX_LABELS: Record<TaxLine['code'], string> = {
  standard: 'Tax',
  reduced: 'Tax (reduced)',
  zero: 'Zero-rated',
  exempt: 'Exempt',
  reverse_charge: 'Reverse charge',
  outside_scope: 'Outside the scope of tax',
};

/** A tax group's rows: one per component (CGST, SGST or IGST) when split, else one. */
function taxRows(tax: TaxLine, money: (amount: number) => string) {
  if (tax.components) return tax.components.map((part) => ({ label: `${part.name} ${part.rate}% on ${money(tax.taxable)}`, value: money(part.tax) }));
  return [{ label: `${TAX_LABELS[tax.code]} ${tax.rate}% on ${money(tax.taxable)}`, value: money(tax.tax) }];
}

const QR_SIZE = 110;

/** India: the IRN, acknowledgement and the IRP's signed QR code. */
function drawGstEinvoice(doc: PDFKit.PDFDocument, gst: NonNullable<DocumentPdfInput['gstEinvoice']>): void {
  const left = contentLeft(doc);
  const top = ensureSpace(doc, doc.y + 8, QR_SIZE + 8);
  doc.image(gst.qrCode, left, top, { width: QR_SIZE, height: QR_SIZE });
  const textLeft = left + QR_SIZE + 12;
  const width = contentRight(doc) - textLeft;
  doc.font(BOLD).fontSize(9).fillColor(TEXT_COLOR).text('e-Invoice (IRP)', textLeft, top, { width });
  doc.font(REGULAR).fontSize(8).fillColor(MUTED_COLOR);
  doc.text(`IRN: ${gst.irn}`, { width });
  doc.text(`Ack No: ${gst.ackNo}`, { width });
  doc.text(`Ack Date: ${gst.ackDate}`, { width });
  doc.x = left;
  doc.y = top + QR_SIZE + 8;
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
