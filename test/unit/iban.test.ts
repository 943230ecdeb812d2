import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { electronicForm, isBic, isIban, isSepaIban } from '../../functions/core/parties/iban.ts';

describe('IBAN check (ISO 7064 mod 97-10)', () => {
  it('accepts published example IBANs, the longest among them', () => {
    for (const iban of [
      'DE02120300000000202051',
      'GB33BUKB20201555555555',
      'FR7630006000011234567890189',
      'NL91ABNA0417164300',
      'BE71096123456769',
      'NO9386011117947',
      'MT84MALT011000012345MTLCAST001S',
      'LC55HEMM000100010012001200023015',
    ]) {
      expect([iban, isIban(iban)]).toEqual([iban, true]);
    }
  });

  it('refuses a wrong check digit, a typo, swapped digits, a bad shape', () => {
    expect(isIban('DE02120300000000202052')).toBe(false);
    expect(isIban('DE03120300000000202051')).toBe(false);
    expect(isIban('DE02120300000000202015')).toBe(false);
    expect(isIban('DE0212030000')).toBe(false);
    expect(isIban('1E02120300000000202051')).toBe(false);
    expect(isIban('DE02 1203 0000 0000 2020 51')).toBe(false);
  });

  it('agrees with the mod 97 of the whole number computed exactly, for any digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{2}$/), fc.stringMatching(/^[0-9A-Z]{11,30}$/), (country, account) => {
        // The check digits that make the IBAN valid, from the exact remainder of the number as one BigInt.
        const digits = [...`${account}${country}00`].map((character) => Number.parseInt(character, 36)).join('');
        const check = String(98n - (BigInt(digits) % 97n)).padStart(2, '0');
        expect(isIban(`${country}${check}${account}`)).toBe(true);
        const wrong = String(((Number(check) - 2 + 1) % 97) + 2).padStart(2, '0');
        expect(isIban(`${country}${wrong}${account}`)).toBe(false);
      }),
    );
  });

  it('reads the written form: spaces removed, letters upper-cased', () => {
    expect(electronicForm(' de02 1203 0000 0000 2020 51 ')).toBe('DE02120300000000202051');
  });

  it('tells SEPA IBANs apart, and checks BICs of 8 or 11 characters', () => {
    expect([isSepaIban('DE02120300000000202051'), isSepaIban('CH9300762011623852957'), isSepaIban('AE070331234567890123456')]).toEqual([true, true, false]);
    expect([isBic('BYLADEM1001'), isBic('DEUTDEFF'), isBic('DEUTDEF'), isBic('DEUT1EFF')]).toEqual([true, true, false, false]);
  });
});
