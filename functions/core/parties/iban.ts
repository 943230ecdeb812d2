/**
 * IBANs (ISO 13616) and BICs (ISO 9362), as an organization gives its bank account for credit transfers.
 * The IBAN check is ISO 7064 mod 97-10, computed digit by digit so no number exceeds 970 (an IBAN read as one
 * integer has up to 68 digits, far beyond what a float holds exactly).
 */

const IBAN_SHAPE = /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/;
const BIC_SHAPE = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

/** An IBAN or BIC as written on paper (`de02 1203 0000 0000 2020 51`) in its electronic form: no spaces, upper case. */
export const electronicForm = (written: string): string => written.replace(/\s+/g, '').toUpperCase();

/** The remainder mod 97 of the IBAN with its first four characters moved to the end and letters read as 10–35. */
function ibanRemainder(iban: string): number {
  let remainder = 0;
  for (const character of iban.slice(4) + iban.slice(0, 4)) {
    const value = Number.parseInt(character, 36);
    remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
  }
  return remainder;
}

/** An IBAN in electronic form whose shape fits and whose check digits are right (the remainder is 1). */
export const isIban = (iban: string): boolean => IBAN_SHAPE.test(iban) && ibanRemainder(iban) === 1;

/** A BIC of 8 or 11 characters: bank, country, location and an optional branch. */
export const isBic = (bic: string): boolean => BIC_SHAPE.test(bic);

/** Countries of the Single Euro Payments Area, by the IBAN's country code: a transfer to such an IBAN is a SEPA credit transfer. */
const SEPA_COUNTRIES = new Set('AD AT BE BG CH CY CZ DE DK EE ES FI FR GB GI GR HR HU IE IS IT LI LT LU LV MC MT NL NO PL PT RO SE SI SK SM VA'.split(' '));

/** Whether credit transfers to this IBAN are SEPA credit transfers. */
export const isSepaIban = (iban: string): boolean => SEPA_COUNTRIES.has(iban.slice(0, 2));
