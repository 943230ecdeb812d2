import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatPercent } from '../../functions/core/i18n/format.ts';
import { LANGUAGES, negotiateLanguage } from '../../functions/core/i18n/languages.ts';
import { catalogs } from '../../functions/core/i18n/messages/index.ts';

// Intl separates groups and units with no-break spaces in some locales; compare with plain ones.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting for people', () => {
  it('writes money and dates in German as Germans read them', () => {
    expect(plain(formatMoney(123456, 'EUR', 'de'))).toBe('1.234,56 €');
    expect(formatDate('2027-01-05', 'de')).toBe('5. Januar 2027');
    expect(plain(formatPercent(20, 'de'))).toBe('20 %');
  });

  it('writes English, French and Spanish in their own styles', () => {
    expect(formatMoney(22464, 'GBP', 'en')).toBe('£224.64');
    expect(formatDate('2027-01-05', 'en')).toBe('5 January 2027');
    expect(plain(formatMoney(123456, 'EUR', 'fr'))).toBe('1 234,56 €');
    expect(formatDate('2027-01-05', 'es')).toBe('5 de enero de 2027');
  });

  it('keeps each currency to its own decimals, exactly, whatever the size', () => {
    expect(formatMoney(1235, 'JPY', 'en')).toBe('JP¥1,235');
    expect(plain(formatMoney(1234567, 'KWD', 'en'))).toBe('KWD 1,234.567');
    expect(formatMoney(900719925474099, 'USD', 'en')).toBe('US$9,007,199,254,740.99');
    expect(formatMoney(-5, 'USD', 'en')).toBe('-US$0.05');
  });

  it('reads an instant in the organization’s time zone', () => {
    expect(formatDateTime('2026-12-06T23:30:00Z', 'en', 'Europe/Berlin')).toBe('7 December 2026 at 00:30');
  });

  it('follows the browser’s preferences among the languages it speaks', () => {
    expect(negotiateLanguage('fr-CH, fr;q=0.9, en;q=0.8')).toBe('fr');
    expect(negotiateLanguage('it, de;q=0.5')).toBe('de');
    expect(negotiateLanguage('it', 'es')).toBe('es');
    expect(negotiateLanguage(undefined)).toBe('en');
  });
});

describe('message catalogs', () => {
  for (const [area, catalog] of Object.entries(catalogs)) {
    it(`${area}: every language has every key, none empty, with the same placeholders`, () => {
      const reference = Object.keys(catalog.en).sort();
      for (const language of LANGUAGES) {
        expect(Object.keys(catalog[language]).sort(), `${area}/${language}`).toEqual(reference);
        for (const key of reference) {
          const text = catalog[language][key] ?? '';
          expect(text.trim(), `${area}/${language}/${key}`).not.toBe('');
          const names = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
          expect(names(text), `${area}/${language}/${key}`).toEqual(names(catalog.en[key] ?? ''));
        }
      }
    });
  }
});
