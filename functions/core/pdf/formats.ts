import { formatDate, formatMoney, formatNumber, formatPercent } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';

/**
 * pdfkit's standard fonts write WinAnsi only: Intl's narrow no-break space (French groups, `20 %`) has no glyph
 * there, so it becomes the no-break space, which looks the same and keeps amounts on one line.
 */
const winAnsi = (text: string) => text.replace(/\u202f/g, '\u00a0');

/** The shared formats (i18n/format.ts), as the PDF's fonts can draw them: one style across pages, emails and PDFs. */
export const pdfFormats = (language: Language) => ({
  money: (amountMinor: number, currency: string) => winAnsi(formatMoney(amountMinor, currency, language)),
  date: (isoDate: string) => winAnsi(formatDate(isoDate, language)),
  number: (value: number) => winAnsi(formatNumber(value, language)),
  percent: (percent: number) => winAnsi(formatPercent(percent, language)),
});
