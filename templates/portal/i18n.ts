import { useEffect, useState } from 'preact/hooks';
import { translate } from '../../functions/core/i18n/catalog.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent } from '../../functions/core/i18n/format.ts';
import { isLanguage, LANGUAGES, type Language, negotiateLanguage } from '../../functions/core/i18n/languages.ts';
import { documentWords } from '../../functions/core/i18n/messages/documents.ts';
import { portalWords } from '../../functions/core/i18n/messages/portal.ts';
import { portalErrors } from '../../functions/core/i18n/messages/portal-errors.ts';

export { LANGUAGES, type Language };

/** Each language named in itself, for the switch. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español' };

const choiceKey = 'portico:language';
const listeners = new Set<(language: Language) => void>();

/** A choice made with the switch wins; then the person's own language (from the API), then the browser's. */
let current: Language = chosen() ?? negotiateLanguage(navigator.languages.join(','));

function chosen(): Language | undefined {
  const stored = localStorage.getItem(choiceKey);
  return isLanguage(stored) ? stored : undefined;
}

function apply(language: Language) {
  current = language;
  document.documentElement.lang = language;
  for (const listener of listeners) listener(language);
}

/** The switch: remembered in this browser. */
export function chooseLanguage(language: Language) {
  localStorage.setItem(choiceKey, language);
  apply(language);
}

/** The signed-in person's language, when the API gives one and nobody chose with the switch. */
export function personLanguage(language: unknown) {
  if (isLanguage(language) && chosen() === undefined && language !== current) apply(language);
}

export const language = () => current;
document.documentElement.lang = current;

/** Re-renders the component when the language changes. */
export function useLanguage(): Language {
  const [value, setValue] = useState(current);
  useEffect(() => {
    listeners.add(setValue);
    return () => void listeners.delete(setValue);
  }, []);
  return value;
}

type PortalKey = keyof typeof portalWords.en & string;
type Values = Readonly<Record<string, string | number>>;

export const t = (key: PortalKey, values?: Values) => translate(portalWords, current, key, values);
export const documentWord = (key: keyof typeof documentWords.en & string) => translate(documentWords, current, key);
export const statusWord = (status: string) => documentWord(`status.${status}` as keyof typeof documentWords.en & string);
export const kindWord = (kind: string) => documentWord(`kind.${kind}` as keyof typeof documentWords.en & string);

/** The message for an API error code; a code the catalog lacks says something generic rather than the API's English. */
export function errorText(code: string, values: Values): string {
  const key = (code in portalErrors.en ? code : 'UNKNOWN') as keyof typeof portalErrors.en & string;
  return translate(portalErrors, current, key, values);
}

export const money = (amountMinor: number, currency: string) => formatMoney(amountMinor, currency, current);
export const date = (isoDate: string) => formatDate(isoDate, current);
export const dateTime = (isoInstant: string) => formatDateTime(isoInstant, current, Intl.DateTimeFormat().resolvedOptions().timeZone);
export const number = (value: number) => formatNumber(value, current);
export const percent = (value: number) => formatPercent(value, current);
