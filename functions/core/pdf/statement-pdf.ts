import { translate } from '../i18n/catalog.ts';
import type { Language } from '../i18n/languages.ts';
import { pdfWords } from '../i18n/messages/pdf.ts';
import { drawBuyer, drawSeller, drawTitle, type PdfBuyer, type PdfSeller } from './blocks.ts';
import { pdfFormats } from './formats.ts';
import { BOLD, brandColor, contentBottom, contentLeft, contentRight, ensureSpace, MUTED_COLOR, REGULAR, RULE_COLOR, TEXT_COLOR } from './layout.ts';
import { openPdf } from './open.ts';
import { type Column, cellWidth, drawRow, fitColumns, type RowStyle, rowHeight } from './table.ts';
import { breakLongWords } from './words.ts';

export type StatementPdfEntryType = 'invoice' | 'retainer-invoice' | 'credit-note' | 'payment' | 'credit' | 'refund' | 'reversal';

/** One line of the statement: amounts in integer minor units of the statement's currency, `balance` the running balance after it. */
export interface StatementPdfLine {
  date: string;
  type: StatementPdfEntryType;
  reference: string;
  debit: number;
  credit: number;
  balance: number;
}

/** What the statement says besides its lines, as plain data; amounts in integer minor units, dates YYYY-MM-DD. */
export interface StatementPdfInput {
  language: Language;
  organization: PdfSeller;
  contact: PdfBuyer;
  currency: string;
  from: string;
  to: string;
  openingBalance: number;
  totals: { debits: number; credits: number };
  closingBalance: number;
  aging: { current: number; days1to30: number; days31to60: number; days61to90: number; days90plus: number; total: number };
}

const FONT_SIZE = 8.5;
// Date, number, type, charges, payments and credits, balance: long dates ("30. September 2026") and amounts up to
// "-9.999.999,99 €" fit on one line at 8.5 pt; the number takes what the others leave.
const COLUMNS: Column[] = [
  { width: 80, align: 'left' },
  { width: 0, align: 'left' },
  { width: 84, align: 'left' },
  { width: 74, align: 'right' },
  { width: 80, align: 'right' },
  { width: 80, align: 'right' },
];

type Label = keyof typeof pdfWords.en;

/**
 * The statement of account as a PDF: the seller with logo and brand colour,
 * the contact, the period, currency and balances, then the lines in their
 * order with the running balance, the closing balance and the aging of what
 * is open. Lines arrive a page of the statement at a time and are drawn as
 * they come, so no more than one such page is held besides what pdfkit has
 * not yet written out. The bytes depend on the input alone (the creation date
 * is the period's end).
 */
export async function renderStatementPdf(
  input: StatementPdfInput,
  pages: Iterable<readonly StatementPdfLine[]>,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const label = (key: Label, values?: Record<string, string>) => translate(pdfWords, input.language, key, values);
  const format = pdfFormats(input.language);
  const money = (amount: number) => format.money(amount, input.currency);
  const title = label('statementTitle');
  const { doc, bytes } = openPdf({
    compress: options.compress ?? true,
    info: { Title: `${title} ${input.contact.name}`, Author: input.organization.name, Creator: 'Portico', CreationDate: new Date(`${input.to}T00:00:00Z`) },
  });
  const brand = brandColor(input.organization.brandColor);

  const facts = [
    [label('period'), label('periodRange', { from: format.date(input.from), to: format.date(input.to) })],
    [label('currency'), input.currency],
    [label('openingBalance'), money(input.openingBalance)],
    [label('charges'), money(input.totals.debits)],
    [label('paymentsCredits'), money(input.totals.credits)],
    [label('closingBalance'), money(input.closingBalance)],
  ] as const;
  const headerBottom = Math.max(drawSeller(doc, input.organization, brand), drawTitle(doc, title, facts, brand));
  let y = drawBuyer(doc, input.contact, label('customer'), headerBottom + 24) + 16;

  const tableColumns = fitColumns(doc, COLUMNS, 1);
  const heading: RowStyle = { font: BOLD, fontSize: FONT_SIZE, color: '#ffffff', fill: brand };
  const body: RowStyle = { font: REGULAR, fontSize: FONT_SIZE, color: TEXT_COLOR };
  const headings = [label('date'), label('number'), label('entryType'), label('charges'), label('paymentsCredits'), label('balance')];
  const headingRow = (top: number) => drawRow(doc, top, headings, tableColumns, heading);

  y = headingRow(y);
  y = drawSummaryRow(doc, y, label('openingBalance'), money(input.openingBalance));
  let lines = 0;
  for (const page of pages) {
    for (const line of page) {
      const cells = [
        format.date(line.date),
        breakLongWords(line.reference, cellWidth(tableColumns[1]!), FONT_SIZE),
        label(`entry.${line.type}`),
        line.debit ? money(line.debit) : '',
        line.credit ? money(line.credit) : '',
        money(line.balance),
      ];
      if (y + rowHeight(doc, cells, tableColumns, body) > contentBottom(doc)) {
        doc.addPage();
        y = headingRow(doc.page.margins.top);
      }
      y = drawRow(doc, y, cells, tableColumns, body);
      doc.moveTo(contentLeft(doc), y).lineTo(contentRight(doc), y).lineWidth(0.5).strokeColor(RULE_COLOR).stroke();
      lines += 1;
    }
  }
  if (lines === 0) y = drawNote(doc, y, label('noActivity'));
  y = drawSummaryRow(doc, y, label('closingBalance'), money(input.closingBalance), brand);
  drawAging(doc, input, label, money, brand, y + 20);
  doc.end();
  return await bytes;
}

const SUMMARY_ROW = 18;

/** A bold row across the table: what it is on the left, the balance in the last column. */
function drawSummaryRow(doc: PDFKit.PDFDocument, top: number, text: string, amount: string, color = TEXT_COLOR): number {
  const y = ensureSpace(doc, top, SUMMARY_ROW);
  const left = contentLeft(doc);
  const right = contentRight(doc);
  doc.font(BOLD).fontSize(9).fillColor(color);
  doc.text(text, left + 4, y + 4, { width: right - left - 120 });
  doc.text(amount, right - 120, y + 4, { width: 116, align: 'right' });
  return y + SUMMARY_ROW;
}

function drawNote(doc: PDFKit.PDFDocument, top: number, text: string): number {
  const y = ensureSpace(doc, top, SUMMARY_ROW);
  doc
    .font(REGULAR)
    .fontSize(9)
    .fillColor(MUTED_COLOR)
    .text(text, contentLeft(doc) + 4, y + 4);
  return y + SUMMARY_ROW;
}

/** What is open by days past due as of the period's end, one bucket a column and the total. */
function drawAging(
  doc: PDFKit.PDFDocument,
  { aging }: StatementPdfInput,
  label: (key: Label) => string,
  money: (amount: number) => string,
  brand: string,
  top: number,
): void {
  const width = (contentRight(doc) - contentLeft(doc)) / 6;
  const columns: Column[] = Array.from({ length: 6 }, () => ({ width, align: 'right' }));
  const headings = [label('agingCurrent'), label('aging1to30'), label('aging31to60'), label('aging61to90'), label('aging90plus'), label('total')];
  const values = [aging.current, aging.days1to30, aging.days31to60, aging.days61to90, aging.days90plus, aging.total].map(money);
  const heading: RowStyle = { font: BOLD, fontSize: FONT_SIZE, color: '#ffffff', fill: brand };
  const body: RowStyle = { font: REGULAR, fontSize: FONT_SIZE, color: TEXT_COLOR };
  const height = 14 + rowHeight(doc, headings, columns, heading) + rowHeight(doc, values, columns, body);
  const y = ensureSpace(doc, top, height);
  doc.font(BOLD).fontSize(10).fillColor(TEXT_COLOR).text(label('aging'), contentLeft(doc), y);
  drawRow(doc, drawRow(doc, y + 14, headings, columns, heading), values, columns, body);
}
