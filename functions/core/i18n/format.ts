import { decimalParts } from '../money/currency.ts';
import { type Language, LOCALES } from './languages.ts';

/**
 * Money, dates and numbers for people, through `Intl` in the reader's locale: `1.234,56 €` and
 * `5. Januar 2027` in German, `€1,234.56` and `5 January 2027` in English. Pure and free of
 * imports beyond the currency table, so the portal's pages, the emails and the PDFs share it.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

/** Minor units as money: exact (built from the integer's digits, never a float), with the currency's own number of decimals. */
export function formatMoney(amountMinor: number, currency: string, language: Language): string {
  const { negative, major, minor } = decimalParts(amountMinor, currency);
  const exponent = minor.length;
  const format = cached(
    `money:${language}:${currency}`,
    () => new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent }),
  );
  // Intl formats a decimal string exactly, beyond what a float holds.
  return format.format(`${negative ? '-' : ''}${major}${minor && `.${minor}`}` as unknown as number);
}

/** A plain number (a quantity, a rate) in the reader's locale, up to `maximumFractionDigits`. */
export function formatNumber(value: number, language: Language, maximumFractionDigits = 4): string {
  return cached(`number:${language}:${maximumFractionDigits}`, () => new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits })).format(value);
}

/** A percentage given in percent (20 → `20 %` in German, `20%` in English). */
export function formatPercent(percent: number, language: Language): string {
  return cached(`percent:${language}`, () => new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 4 })).format(percent / 100);
}

/** A calendar date (`YYYY-MM-DD`) in long form, read as the date it names whatever the reader's zone. */
export function formatDate(isoDate: string, language: Language): string {
  return cached(`date:${language}`, () => new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' })).format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
  );
}

/** An instant (ISO timestamp) as date and time in a time zone. */
export function formatDateTime(isoInstant: string, language: Language, timeZone = 'UTC'): string {
  return cached(
    `datetime:${language}:${timeZone}`,
    () => new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short', timeZone }),
  ).format(new Date(isoInstant));
}

/** A day relative to today in words: `today`, `in 3 days`, `7 days ago` (`heute`, `in 3 Tagen`, `vor 7 Tagen`). */
export function formatDaysFromToday(days: number, language: Language): string {
  return cached(`relative:${language}`, () => new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'auto' })).format(days, 'day');
}
