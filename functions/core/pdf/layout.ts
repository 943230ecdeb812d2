// pdfkit's built-in standard fonts: nothing to embed or download. They cover WinAnsi (roughly Latin-1) text only.
export const REGULAR = 'Helvetica';
export const BOLD = 'Helvetica-Bold';

export const TEXT_COLOR = '#111827';
export const MUTED_COLOR = '#6b7280';
export const RULE_COLOR = '#d1d5db';
const DEFAULT_BRAND = '#1f2937';

/** Tenants set the brand colour; anything but `#RRGGBB` falls back rather than reaching pdfkit. */
export function brandColor(hex: string | undefined): string {
  return hex !== undefined && /^#[0-9a-fA-F]{6}$/.test(hex) ? hex : DEFAULT_BRAND;
}

export function contentLeft(doc: PDFKit.PDFDocument): number {
  return doc.page.margins.left;
}

export function contentRight(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.right;
}

export function contentBottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when `height` no longer fits below `y`; returns where to draw. */
export function ensureSpace(doc: PDFKit.PDFDocument, y: number, height: number): number {
  if (y + height <= contentBottom(doc)) return y;
  doc.addPage();
  return doc.page.margins.top;
}
