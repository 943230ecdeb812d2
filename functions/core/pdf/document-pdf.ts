import PDFDocument from 'pdfkit';
import { translate } from '../i18n/catalog.ts';
import type { Language } from '../i18n/languages.ts';
import { documentWords } from '../i18n/messages/documents.ts';
import { pdfWords } from '../i18n/messages/pdf.ts';
import type { TaxLine } from '../money/totals.ts';
import { pdfFormats } from './formats.ts';
import { BOLD, brandColor, contentLeft, contentRight, ensureSpace, MUTED_COLOR, REGULAR, TEXT_COLOR } from './layout.ts';
import { drawLineTable, type PdfLine } from './line-table.ts';
import { breakLongWords } from './words.ts';

export type DocumentKind = 'invoice' | 'estimate' | 'retainer-invoice' | 'credit-note';

/**
 * Everything the PDF shows, as plain data: rendering never fetches anything
 * (the logo comes as the bytes Portico checked and stored).
 * Amounts are integer minor units of `document.currency`; dates are YYYY-MM-DD.
 * Labels, money, numbers and dates are in `language`, as the reader's pages and emails.
 */
export interface DocumentPdfInput {
  language: Language;
  organization: {
    name: string;
    address?: string;
    /** `#RRGGBB`; one that fails contrast with white (WCAG AA), or anything else, falls back. */
    brandColor?: string;
    /** The seller's VAT id or GSTIN, as `VAT DE136695976`. */
    taxId?: string;
    /** The uploaded logo (PNG or JPEG, checked when it was confirmed). */
    logo?: Buffer;
  };
  contact: { name: string; email?: string; address?: string; taxId?: string };
  /** Statements the law wants printed, such as the reverse-charge legend. */
  legends?: readonly string[];
  /** The organization's bank account, printed on what asks for payment (invoices, retainer invoices). */
  paymentAccount?: { iban: string; bic?: string; accountName: string };
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
    /** The buyer's reference (such as a purchase order or a Leitweg-ID). */
    buyerReference?: string;
    /** A credit note's: the invoice it credits. */
    invoice?: { number: string };
    /** An issued credit note's: what it took off its invoice and what it left as credit. */
    allocation?: { applied: number; credited: number };
  };
}

export interface RenderOptions {
  /** Uncompressed content streams keep the text readable, for tests. Default true. */
  compress?: boolean;
  /**
   * TrueType fonts to embed in place of the standard Helvetica pair, which PDF viewers supply and PDF/A forbids
   * relying on: a PDF/A (Factur-X) needs every font embedded.
   */
  embeddedFonts?: { regular: Uint8Array; bold: Uint8Array };
}

/** The document's title in the reader's language: `RECHNUNG`, `DEVIS`. */
const titleOf = (kind: DocumentKind, language: Language) => translate(documentWords, language, `kind.${kind}`).toLocaleUpperCase(language);

/** A status in words of the reader's language; a status the catalog does not know yet is shown as it is. */
const statusWord = (status: string, language: Language) =>
  `status.${status}` in documentWords.en ? translate(documentWords, language, `status.${status}` as keyof typeof documentWords.en) : status;

/** The logo's box in the header, in points: it is scaled to fit, never stretched. */
const LOGO_BOX = { width: 160, height: 48 };

export async function renderDocumentPdf(input: DocumentPdfInput, options: RenderOptions = {}): Promise<Buffer> {
  const { document } = input;
  // A fixed creation date (also the seed of the file ID) makes the bytes depend on the input alone.
  const created = new Date(`${document.issueDate}T00:00:00Z`);
  if (Number.isNaN(created.getTime())) throw new RangeError(`Invalid issue date: ${document.issueDate}`);

  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    compress: options.compress ?? true,
    // Without this pdfkit loads Helvetica first and writes it into the file even when unused.
    ...(options.embeddedFonts ? { font: Buffer.from(options.embeddedFonts.regular) as never } : {}),
    info: {
      Title: `${titleOf(document.kind, input.language)} ${document.number}`,
      Author: input.organization.name,
      Creator: 'Portico',
      CreationDate: created,
    },
  });
  if (options.embeddedFonts) {
    doc.registerFont(REGULAR, Buffer.from(options.embeddedFonts.regular));
    doc.registerFont(BOLD, Buffer.from(options.embeddedFonts.bold));
    doc.font(REGULAR);
  }
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const brand = brandColor(input.organization.brandColor);
  const label = (key: keyof typeof pdfWords.en) => translate(pdfWords, input.language, key);
  let y = drawHeader(doc, input, brand);
  y = drawBillTo(doc, input.contact, label('billTo'), y + 24);
  y = drawLineTable(doc, document.lines, document.currency, input.language, brand, y + 16);
  drawTotals(doc, document, input.language, brand, y + 12);
  if (input.paymentAccount && (document.kind === 'invoice' || document.kind === 'retainer-invoice')) {
    drawText(doc, label('bankTransfer'), bankDetails(input.paymentAccount, label('accountHolder')));
  }
  for (const legend of input.legends ?? []) drawText(doc, label('tax'), legend);
  if (input.gstEinvoice) drawGstEinvoice(doc, input.gstEinvoice);
  drawText(doc, label('notes'), document.notes);
  drawText(doc, label('terms'), document.terms);
  doc.end();
  return await done;
}

/** Logo, organisation on the left, title and document facts on the right; returns the lower bottom edge. */
function drawHeader(doc: PDFKit.PDFDocument, { organization, document, language }: DocumentPdfInput, brand: string): number {
  const left = contentLeft(doc);
  const half = (contentRight(doc) - left) / 2;
  const top = doc.page.margins.top;
  const format = pdfFormats(language);
  const label = (key: keyof typeof pdfWords.en) => translate(pdfWords, language, key);

  let nameTop = top;
  if (organization.logo) {
    doc.image(organization.logo, left, top, { fit: [LOGO_BOX.width, LOGO_BOX.height] });
    nameTop = top + LOGO_BOX.height + 8;
  }
  doc
    .font(BOLD)
    .fontSize(16)
    .fillColor(brand)
    .text(breakLongWords(organization.name, half, 16), left, nameTop, { width: half });
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
    .text(titleOf(document.kind, language), left + half, top, { width: half, align: 'right' });
  const date = (value: string | undefined) => value && format.date(value);
  const facts = [
    [label('number'), document.number],
    [label('issueDate'), date(document.issueDate)],
    [label('dueDate'), date(document.dueDate)],
    [label('validUntil'), date(document.expiryDate)],
    [label('buyerReference'), document.buyerReference],
    [label('creditsInvoice'), document.invoice?.number],
    [label('status'), statusWord(document.status, language)],
  ];
  doc.font(REGULAR).fontSize(9).fillColor(TEXT_COLOR);
  for (const [label, value] of facts) {
    if (value) doc.text(`${label}: ${value}`, { width: half, align: 'right' });
  }
  return Math.max(leftBottom, doc.y);
}

function drawBillTo(doc: PDFKit.PDFDocument, contact: DocumentPdfInput['contact'], heading: string, top: number): number {
  const left = contentLeft(doc);
  const width = contentRight(doc) - left;
  doc.font(BOLD).fontSize(8).fillColor(MUTED_COLOR).text(heading, left, top);
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
function drawTotals(doc: PDFKit.PDFDocument, document: DocumentPdfInput['document'], language: Language, brand: string, top: number): void {
  const format = pdfFormats(language);
  const money = (amount: number) => format.money(amount, document.currency);
  const label = (key: keyof typeof pdfWords.en, values?: Record<string, string>) => translate(pdfWords, language, key, values);
  const rows: { label: string; value: string; strong?: boolean; color?: string }[] = [
    { label: label('subtotal'), value: money(document.subtotal) },
    ...(document.discountTotal > 0 ? [{ label: label('discountTotal'), value: money(-document.discountTotal) }] : []),
    ...document.taxes.flatMap((tax) =>
      taxRows(tax, (name, rate, taxable) => label('taxOn', { name, rate: format.percent(rate), taxable: money(taxable) }), money, language),
    ),
    { label: label('total'), value: money(document.total), strong: true },
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
      { label: label('amountPaid'), value: money(-document.amountPaid) },
      { label: label('balanceDue'), value: money(document.balance), strong: true, color: brand },
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

/** A tax group's rows: one per component (CGST, SGST or IGST) when split, else one named by its code in the reader's language. */
function taxRows(tax: TaxLine, rowLabel: (name: string, rate: number, taxable: number) => string, money: (amount: number) => string, language: Language) {
  if (tax.components) return tax.components.map((part) => ({ label: rowLabel(part.name, part.rate, tax.taxable), value: money(part.tax) }));
  return [{ label: rowLabel(translate(pdfWords, language, `taxCode.${tax.code}`), tax.rate, tax.taxable), value: money(tax.tax) }];
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

/** Account holder, IBAN in groups of four as printed on paper, and BIC, one a line. */
function bankDetails(account: NonNullable<DocumentPdfInput['paymentAccount']>, holderLabel: string): string {
  const iban = account.iban.replace(/(.{4})(?=.)/g, '$1 ');
  return [`${holderLabel}: ${account.accountName}`, `IBAN: ${iban}`, ...(account.bic ? [`BIC: ${account.bic}`] : [])].join('\n');
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
