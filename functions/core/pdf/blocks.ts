import { BOLD, contentLeft, contentRight, MUTED_COLOR, REGULAR, TEXT_COLOR } from './layout.ts';
import { breakLongWords } from './words.ts';

/** The seller as every PDF heads it: the logo's bytes Portico checked and stored, never a URL. */
export interface PdfSeller {
  name: string;
  address?: string | undefined;
  /** `#RRGGBB`; one that fails contrast with white (WCAG AA), or anything else, falls back. */
  brandColor?: string | undefined;
  /** The seller's VAT id or GSTIN, as `VAT DE136695976`. */
  taxId?: string | undefined;
  /** The uploaded logo (PNG or JPEG, checked when it was confirmed). */
  logo?: Buffer | undefined;
}

export interface PdfBuyer {
  name: string;
  email?: string | undefined;
  address?: string | undefined;
  taxId?: string | undefined;
}

/** The logo's box in the header, in points: it is scaled to fit, never stretched. */
const LOGO_BOX = { width: 160, height: 48 };

/** Logo, then the seller's name in the brand colour, address and tax id, in the left half from the top margin; returns the bottom edge. */
export function drawSeller(doc: PDFKit.PDFDocument, seller: PdfSeller, brand: string): number {
  const left = contentLeft(doc);
  const half = (contentRight(doc) - left) / 2;
  const top = doc.page.margins.top;
  let nameTop = top;
  if (seller.logo) {
    doc.image(seller.logo, left, top, { fit: [LOGO_BOX.width, LOGO_BOX.height] });
    nameTop = top + LOGO_BOX.height + 8;
  }
  doc
    .font(BOLD)
    .fontSize(16)
    .fillColor(brand)
    .text(breakLongWords(seller.name, half, 16), left, nameTop, { width: half });
  for (const detail of [seller.address, seller.taxId]) {
    if (detail)
      doc
        .font(REGULAR)
        .fontSize(9)
        .fillColor(MUTED_COLOR)
        .text(breakLongWords(detail, half, 9), { width: half });
  }
  return doc.y;
}

/** The buyer under a small heading (`BILL TO`), across the page from `top`; returns the bottom edge. */
export function drawBuyer(doc: PDFKit.PDFDocument, buyer: PdfBuyer, heading: string, top: number): number {
  const left = contentLeft(doc);
  const width = contentRight(doc) - left;
  doc.font(BOLD).fontSize(8).fillColor(MUTED_COLOR).text(heading, left, top);
  doc
    .font(BOLD)
    .fontSize(11)
    .fillColor(TEXT_COLOR)
    .text(breakLongWords(buyer.name, width, 11), { width });
  for (const detail of [buyer.address, buyer.taxId, buyer.email]) {
    if (detail)
      doc
        .font(REGULAR)
        .fontSize(9)
        .text(breakLongWords(detail, width, 9), { width });
  }
  return doc.y;
}

/** The title in the brand colour and `label: value` facts under it, in the right half from the top margin; returns the bottom edge. */
export function drawTitle(doc: PDFKit.PDFDocument, title: string, facts: readonly (readonly [string, string | undefined])[], brand: string): number {
  const left = contentLeft(doc);
  const half = (contentRight(doc) - left) / 2;
  doc
    .font(BOLD)
    .fontSize(18)
    .fillColor(brand)
    .text(title, left + half, doc.page.margins.top, { width: half, align: 'right' });
  doc.font(REGULAR).fontSize(9).fillColor(TEXT_COLOR);
  for (const [label, value] of facts) {
    if (value) doc.text(`${label}: ${value}`, { width: half, align: 'right' });
  }
  return doc.y;
}
