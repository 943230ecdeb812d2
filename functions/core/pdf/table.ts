import { contentLeft, contentRight } from './layout.ts';

/** A table column: its width in points and how its cells align. */
export interface Column {
  width: number;
  align: 'left' | 'right';
}

export interface RowStyle {
  font: string;
  fontSize: number;
  color: string;
  fill?: string;
}

const PADDING = 4;

/** The columns across the content width: each as given but the one at `flexible`, which takes what the others leave. */
export function fitColumns(doc: PDFKit.PDFDocument, columns: readonly Column[], flexible: number): Column[] {
  const fixed = columns.reduce((sum, column, index) => (index === flexible ? sum : sum + column.width), 0);
  return columns.map((column, index) => (index === flexible ? { ...column, width: contentRight(doc) - contentLeft(doc) - fixed } : column));
}

/** The inner width of a column's cell, for cutting long words to fit. */
export const cellWidth = (column: Column) => column.width - 2 * PADDING;

/** Sets the row's font, then measures its tallest (wrapped) cell. */
export function rowHeight(doc: PDFKit.PDFDocument, cells: readonly string[], columns: readonly Column[], style: Pick<RowStyle, 'font' | 'fontSize'>): number {
  doc.font(style.font).fontSize(style.fontSize);
  const heights = columns.map((column, index) => doc.heightOfString(cells[index] || ' ', { width: cellWidth(column) }));
  return Math.max(...heights) + 2 * PADDING;
}

/** Draws one row of cells at `y`, on the style's fill if any; returns the y below it. */
export function drawRow(doc: PDFKit.PDFDocument, y: number, cells: readonly string[], columns: readonly Column[], style: RowStyle): number {
  const height = rowHeight(doc, cells, columns, style);
  if (style.fill) doc.rect(contentLeft(doc), y, contentRight(doc) - contentLeft(doc), height).fill(style.fill);
  doc.fillColor(style.color);
  let x = contentLeft(doc);
  columns.forEach((column, index) => {
    doc.text(cells[index] ?? '', x + PADDING, y + PADDING, { width: cellWidth(column), align: column.align });
    x += column.width;
  });
  return y + height;
}
