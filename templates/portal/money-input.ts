import { type Language, LOCALES } from '../../functions/core/i18n/languages.ts';
import { minorUnits } from '../../functions/core/money/currency.ts';

/** The decimal separator a language writes (`,` in German, French and Spanish). */
export function decimalSeparator(language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
}

/** An amount as the person types it in major units (`1.606,30` in German), as minor units; null when it is not an amount. */
export function parseAmount(text: string, currency: string, language: Language): number | null {
  const separator = decimalSeparator(language);
  const exponent = minorUnits(currency);
  // Group separators (and spaces, which French uses for them) go; the decimal one becomes a point.
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .split(separator)
    .map((part) => part.replace(/[.,'’]/g, ''));
  if (cleaned.length > 2) return null;
  const [whole = '', fraction = ''] = cleaned;
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || fraction.length > exponent || whole + fraction === '') return null;
  return Number(whole || '0') * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
}

/** Minor units as the field shows them: digits and the language's decimal separator, no grouping, no symbol. */
export function amountText(amountMinor: number, currency: string, language: Language): string {
  const exponent = minorUnits(currency);
  const digits = String(amountMinor).padStart(exponent + 1, '0');
  return exponent === 0 ? digits : `${digits.slice(0, -exponent)}${decimalSeparator(language)}${digits.slice(-exponent)}`;
}
