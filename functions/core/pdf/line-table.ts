import { translate } from '../i18n/catalog.ts';
import type { Language } from '../i18n/languages.ts';
import { pdfWords } from '../i18n/messages/pdf.ts';
import { pdfFormats } from './formats.ts';
import { BOLD, contentBottom, contentLeft, contentRight, REGULAR, RULE_COLOR, TEXT_COLOR } from './layout.ts';
import { cellWidth, drawRow, fitColumns, type RowStyle, rowHeight } from './table.ts';
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
  const columns = fitColumns(doc, [{ width: 0, align: 'left' }, ...FIXED.map((column) => ({ width: column.width, align: 'right' as const }))], 0);
  const heading: RowStyle = { font: BOLD, fontSize: FONT_SIZE, color: '#ffffff', fill: brand };
  const body: RowStyle = { font: REGULAR, fontSize: FONT_SIZE, color: TEXT_COLOR };
  let y = drawRow(doc, top, headings, columns, heading);
  const descriptionWidth = cellWidth(columns[0]!);
  for (const line of lines) {
    const cells = [
      breakLongWords(line.description, descriptionWidth, FONT_SIZE),
      format.number(line.quantity),
      format.money(line.unitPrice, currency),
      line.discount ? format.percent(line.discount) : '',
      line.taxRate ? format.percent(line.taxRate) : '',
      format.money(line.net, currency),
    ];
    if (y + rowHeight(doc, cells, columns, body) > contentBottom(doc)) {
      doc.addPage();
      y = drawRow(doc, doc.page.margins.top, headings, columns, heading);
    }
    y = drawRow(doc, y, cells, columns, body);
    doc.moveTo(contentLeft(doc), y).lineTo(contentRight(doc), y).lineWidth(0.5).strokeColor(RULE_COLOR).stroke();
  }
  return y;
}
