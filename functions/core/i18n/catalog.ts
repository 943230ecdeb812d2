import type { Language } from './languages.ts';

/**
 * A message catalog: English is the reference, and every other language must give exactly its
 * keys (the type refuses a missing one; `test/unit/i18n-catalogs.test.ts` refuses a missing or
 * extra one at run time, and an empty text). A message is text with `{name}` placeholders.
 * Catalogs live in `messages/`, one file an area (portal pages, emails, PDFs, errors).
 */
export type Messages = Readonly<Record<string, string>>;
export type Catalog<M extends Messages> = Readonly<Record<Language, { readonly [K in keyof M]: string }>>;

export function defineCatalog<M extends Messages>(en: M, others: Omit<Catalog<M>, 'en'>): Catalog<M> {
  return { en, ...others } as Catalog<M>;
}

/** The message `key` in `language` with its `{name}` placeholders filled; a placeholder without a value stays as written. */
export function translate<M extends Messages>(
  catalog: Catalog<M>,
  language: Language,
  key: keyof M & string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const text = catalog[language][key] ?? catalog.en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
