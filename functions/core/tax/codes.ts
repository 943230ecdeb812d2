/**
 * The tax category of a line. `standard` and `reduced` carry a rate; the
 * others are always 0 %. Each maps to its UNCL 5305 duty/tax category code,
 * the one EN 16931 (BT-151, BT-118) and Peppol use.
 */
export const taxCodes = ['standard', 'reduced', 'zero', 'exempt', 'reverse_charge', 'outside_scope'] as const;
export type TaxCode = (typeof taxCodes)[number];

export const uncl5305: Readonly<Record<TaxCode, 'S' | 'AA' | 'Z' | 'E' | 'AE' | 'O'>> = {
  standard: 'S',
  reduced: 'AA',
  zero: 'Z',
  exempt: 'E',
  reverse_charge: 'AE',
  outside_scope: 'O',
};

/** Codes whose rate is a real, possibly non-zero rate; the others are 0 % by definition. */
export const isRated = (code: TaxCode): boolean => code === 'standard' || code === 'reduced';

/** What an invoice with a reverse-charged line must say (Articles 194–196 and 226(11a) of Directive 2006/112/EC). */
export const REVERSE_CHARGE_LEGEND = 'Reverse charge: VAT to be accounted for by the customer (Article 196 Directive 2006/112/EC).';
