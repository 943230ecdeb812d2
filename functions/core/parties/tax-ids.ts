import * as jsvatModule from 'jsvat-next';
import { Unprocessable } from '../errors.ts';
import { isEuMember, vatPrefixOf } from './countries.ts';
import type { TaxRegistration, TaxScheme } from './schema.ts';

// Node loads the package's CommonJS build (its names only on `default`); bundles take its ES build (names at the top).
const jsvat: typeof jsvatModule = 'checkVAT' in jsvatModule ? jsvatModule : Reflect.get(jsvatModule, 'default');

const GSTIN_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const GSTIN_SHAPE = /^[0-9]{2}[0-9A-Z]{12}[0-9A-Z]$/;

/**
 * The check character of a GSTIN's first 14 characters (GSTN's mod-36 scheme,
 * after Luhn): each character's index in 0–9A–Z is multiplied by 1 and 2 in
 * turn, the quotient and remainder of each product by 36 are added up, and the
 * check is what takes the sum to a multiple of 36.
 */
export function gstinCheckCharacter(first14: string): string {
  let sum = 0;
  for (let i = 0; i < first14.length; i++) {
    const product = GSTIN_CHARSET.indexOf(first14[i]!) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return GSTIN_CHARSET[(36 - (sum % 36)) % 36]!;
}

/** A GSTIN: 2-digit state code, PAN, entity number, `Z`-ish 14th, and the right check character. */
export const isGstin = (id: string): boolean => GSTIN_SHAPE.test(id) && gstinCheckCharacter(id.slice(0, 14)) === id[14];

/** The GST state code a GSTIN starts with: `29` is Karnataka. */
export const gstinState = (gstin: string): string => gstin.slice(0, 2);

/** An EU VAT id (with its prefix, `XI` for Northern Ireland) in its country's format. */
export const isEuVatId = (id: string): boolean => /^[A-Z]{2}/.test(id) && jsvat.checkVAT(id, jsvat.countries).isValidFormat;

/** The country whose VAT id this is, by prefix: `EL` is Greece (GR), `XI` Northern Ireland (GB). */
export function vatIdCountry(id: string): string {
  const prefix = id.slice(0, 2);
  return prefix === 'EL' ? 'GR' : prefix === 'XI' ? 'GB' : prefix;
}

/**
 * Refuses a registration whose id does not fit its scheme and country (422,
 * naming `field`, the id's field): EU VAT ids by their country's format,
 * GSTINs by their check character, any id as letters and digits.
 */
export function assertTaxRegistration(registration: TaxRegistration, field: string): void {
  const { country, scheme, id } = registration;
  if (!/^[A-Z0-9]+$/.test(id)) invalid(field, 'INVALID_TAX_ID', 'A tax id is letters and digits only, without spaces or punctuation.');
  if (scheme === 'gst' && isEuMember(country)) invalid(field, 'INVALID_TAX_SCHEME', 'EU member states register for VAT, not GST.');
  if (scheme === 'gst' && country === 'IN' && !isGstin(id)) invalid(field, 'INVALID_GSTIN', 'The GSTIN is malformed or its check character is wrong.');
  if (scheme === 'vat' && (isEuMember(country) || id.startsWith('XI'))) {
    const prefixes = country === 'GB' ? ['XI', 'GB'] : [vatPrefixOf(country)];
    if (!prefixes.includes(id.slice(0, 2)) || !isEuVatId(id)) {
      invalid(field, 'INVALID_VAT_ID', `The VAT id does not have the format of ${country}'s VAT ids (with the ${prefixes.join(' or ')} prefix).`);
    }
  }
}

/**
 * A contact's tax id, checked against its country (or, without an address,
 * against the country its shape names): a GSTIN in India, an EU VAT id in the
 * EU (`XI` in GB); elsewhere letters and digits. Answers the scheme it is of.
 */
export function contactTaxScheme(taxId: string, country: string | undefined): TaxScheme {
  const scheme: TaxScheme = country === 'IN' || (country === undefined && GSTIN_SHAPE.test(taxId)) ? 'gst' : 'vat';
  const registeredIn = country ?? (scheme === 'gst' ? 'IN' : vatIdCountry(taxId));
  assertTaxRegistration({ country: registeredIn, scheme, id: taxId }, 'taxId');
  return scheme;
}

function invalid(field: string, code: string, message: string): never {
  throw new Unprocessable(code, message, { field });
}

/** An organization's registrations: each checked, at most one per country and scheme. */
export function assertTaxRegistrations(registrations: readonly TaxRegistration[]): void {
  const seen = new Set<string>();
  registrations.forEach((registration, index) => {
    assertTaxRegistration(registration, `taxRegistrations[${index}].id`);
    const key = `${registration.country}:${registration.scheme}`;
    if (seen.has(key)) {
      invalid(`taxRegistrations[${index}]`, 'DUPLICATE_TAX_REGISTRATION', `Only one ${registration.scheme.toUpperCase()} registration per country.`);
    }
    seen.add(key);
  });
}
