import { appliedBrandColor } from '../branding/colour.ts';

// pdfkit's built-in standard fonts: nothing to embed or download. They cover WinAnsi (roughly Latin-1) text only.
export const REGULAR = 'Helvetica';
export const BOLD = 'Helvetica-Bold';

export const TEXT_COLOR = '#111827';
export const MUTED_COLOR = '#6b7280';
export const RULE_COLOR = '#d1d5db';
/** Tenants set the brand colour; one that fails contrast with white, or anything but `#RRGGBB`, falls back rather than reaching pdfkit. */
export const brandColor = (hex: string | undefined): string => appliedBrandColor(hex);

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
