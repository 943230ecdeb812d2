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

export type DocumentKind = 'invoice' | 'estimate' | 'retainer-invoice';

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
    /** The uploaded logo (PNG or JPEG, checked when it was confirmed). */
    logo?: Buffer;
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
  };
}

export interface RenderOptions {
  /** Uncompressed content streams keep the text readable, for tests. Default true. */
  compress?: boolean;
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
    info: {
      Title: `${titleOf(document.kind, input.language)} ${document.number}`,
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
  const label = (key: keyof typeof pdfWords.en) => translate(pdfWords, input.language, key);
  let y = drawHeader(doc, input, brand);
  y = drawBillTo(doc, input.contact, label('billTo'), y + 24);
  y = drawLineTable(doc, document.lines, document.currency, input.language, brand, y + 16);
  drawTotals(doc, document, input.language, brand, y + 12);
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
    .text(titleOf(document.kind, language), left + half, top, { width: half, align: 'right' });
  const date = (value: string | undefined) => value && format.date(value);
  const facts = [
    [label('number'), document.number],
    [label('issueDate'), date(document.issueDate)],
    [label('dueDate'), date(document.dueDate)],
    [label('validUntil'), date(document.expiryDate)],
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
  if (contact.email)
    doc
      .font(REGULAR)
      .fontSize(9)
      .text(breakLongWords(contact.email, width, 9), { width });
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
    ...document.taxes.map((tax) => ({ label: label('taxOn', { rate: format.percent(tax.rate), taxable: money(tax.taxable) }), value: money(tax.tax) })),
    { label: label('total'), value: money(document.total), strong: true },
  ];
  // An estimate asks for nothing yet, so it has no payments or balance.
  if (document.kind !== 'estimate') {
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
