import { translate } from '../i18n/catalog.ts';
import type { Language } from '../i18n/languages.ts';
import { pdfWords } from '../i18n/messages/pdf.ts';
import { pdfFormats } from './formats.ts';
import { BOLD, contentBottom, contentLeft, contentRight, REGULAR, RULE_COLOR, TEXT_COLOR } from './layout.ts';
import { breakLongWords } from './words.ts';

export interface PdfLine {
  description: string;
  quantity: number;
  /** Integer minor units. */
  unitPrice: number;
  /** Percent. */
  discount?: number;
  /** Percent. */
  taxRate?: number;
  /** After the line discount, before document discount and tax: the table's "Amount". */
  net: number;
  /** Not drawn: tax shows per rate in the totals, not per line. */
  total: number;
}

const PADDING = 4;
const FONT_SIZE = 9;
// At 9 pt these fit amounts up to "9.999.999.999,99 €" and rates like "12,3456 %"
// on one line (longer values wrap); the description takes the rest.
const FIXED = [
  { label: 'quantity', width: 50 },
  { label: 'unitPrice', width: 95 },
  { label: 'discount', width: 40 },
  { label: 'tax', width: 50 },
  { label: 'amount', width: 100 },
] as const;

/** Draws the line table from `top`, repeating the heading row on each new page; returns the y below it. */
export function drawLineTable(doc: PDFKit.PDFDocument, lines: readonly PdfLine[], currency: string, language: Language, brand: string, top: number): number {
  const headings = [translate(pdfWords, language, 'description'), ...FIXED.map((column) => translate(pdfWords, language, column.label))];
  const format = pdfFormats(language);
  let y = drawRow(doc, top, headings, { font: BOLD, color: '#ffffff', fill: brand });
  const descriptionWidth = columnWidths(doc)[0]! - 2 * PADDING;
  for (const line of lines) {
    const cells = [
      breakLongWords(line.description, descriptionWidth, FONT_SIZE),
      format.number(line.quantity),
      format.money(line.unitPrice, currency),
      line.discount ? format.percent(line.discount) : '',
      line.taxRate ? format.percent(line.taxRate) : '',
      format.money(line.net, currency),
    ];
    if (y + rowHeight(doc, cells, REGULAR) > contentBottom(doc)) {
      doc.addPage();
      y = drawRow(doc, doc.page.margins.top, headings, { font: BOLD, color: '#ffffff', fill: brand });
    }
    y = drawRow(doc, y, cells, { font: REGULAR, color: TEXT_COLOR });
    doc.moveTo(contentLeft(doc), y).lineTo(contentRight(doc), y).lineWidth(0.5).strokeColor(RULE_COLOR).stroke();
  }
  return y;
}

interface RowStyle {
  font: string;
  color: string;
  fill?: string;
}

function drawRow(doc: PDFKit.PDFDocument, y: number, cells: readonly string[], style: RowStyle): number {
  const height = rowHeight(doc, cells, style.font);
  if (style.fill) doc.rect(contentLeft(doc), y, contentRight(doc) - contentLeft(doc), height).fill(style.fill);
  doc.fillColor(style.color);
  let x = contentLeft(doc);
  columnWidths(doc).forEach((width, index) => {
    doc.text(cells[index] ?? '', x + PADDING, y + PADDING, { width: width - 2 * PADDING, align: index === 0 ? 'left' : 'right' });
    x += width;
  });
  return y + height;
}

/** Sets the row's font, then measures its tallest (wrapped) cell. */
function rowHeight(doc: PDFKit.PDFDocument, cells: readonly string[], font: string): number {
  doc.font(font).fontSize(FONT_SIZE);
  const heights = columnWidths(doc).map((width, index) => doc.heightOfString(cells[index] || ' ', { width: width - 2 * PADDING }));
  return Math.max(...heights) + 2 * PADDING;
}

function columnWidths(doc: PDFKit.PDFDocument): number[] {
  const fixed = FIXED.map((column) => column.width);
  const description = contentRight(doc) - contentLeft(doc) - fixed.reduce((sum, width) => sum + width, 0);
  return [description, ...fixed];
}
