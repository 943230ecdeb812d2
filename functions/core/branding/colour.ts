/**
 * The brand colour as pages, emails and PDFs apply it: white text on it (buttons, table headings) and it as
 * text on white (headings, the balance due) must both reach WCAG AA's 4.5:1, which for white is one and the
 * same ratio. A colour that does not falls back to Portico's own, so no business can make its mail unreadable.
 */
export const FALLBACK_BRAND_COLOR = '#1d4ed8';
export const AA_CONTRAST = 4.5;

const HEX = /^#([0-9a-fA-F]{6})$/;

/** WCAG 2.x relative luminance of `#RRGGBB`. */
export function relativeLuminance(hex: string): number {
  const digits = HEX.exec(hex)?.[1];
  if (!digits) throw new RangeError(`Not a #RRGGBB colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((at) => {
    const channel = Number.parseInt(digits.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colour to apply: the organization's when white text on it passes AA, else the fallback. */
export function appliedBrandColor(color: string | null | undefined): string {
  return color && HEX.test(color) && contrastRatio(color, '#ffffff') >= AA_CONTRAST ? color.toLowerCase() : FALLBACK_BRAND_COLOR;
}
