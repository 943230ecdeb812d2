import { Unprocessable } from '../errors.ts';
import { MAX_AMOUNT } from '../shapes.ts';
import { isRated, type TaxCode, taxCodes } from '../tax/codes.ts';
import { allocateLargestRemainder } from './allocate.ts';
import { isCurrency } from './currency.ts';
import { scaleDecimal } from './decimal.ts';
import { roundHalfAwayFromZero } from './rounding.ts';

/** Amounts are integer minor units of `currency`; percents are plain numbers (19 means 19 %). */
export interface TotalsInput {
  currency: string;
  lines: readonly TotalsLineInput[];
  discount?: DocumentDiscount;
  /**
   * How each rate's tax is split into the components a tax authority wants
   * printed: India's intra-state supply as CGST + SGST (half the rate each),
   * inter-state as IGST. Absent: one tax, no components.
   */
  split?: TaxSplit;
}

export type TaxSplit = 'cgst_sgst' | 'igst';

export interface TotalsLineInput {
  /** > 0, at most 4 decimals. */
  quantity: number;
  /** Integer minor units, >= 0. */
  unitPrice: number;
  /** Line discount percent 0..100, at most 2 decimals. */
  discount?: number;
  /** Tax percent 0..100, at most 4 decimals; absent means 0. */
  taxRate?: number;
  /** Absent: `standard` with a rate, `zero` without. Codes other than `standard` and `reduced` take no rate. */
  taxCode?: TaxCode;
}

/** `percent`: 0..100 with at most 2 decimals. `amount`: integer minor units, at most the subtotal. */
export interface DocumentDiscount {
  type: 'percent' | 'amount';
  value: number;
}

export interface DocumentTotals {
  /** Sum of line nets. */
  subtotal: number;
  discountTotal: number;
  /** subtotal − discountTotal. */
  taxableTotal: number;
  taxTotal: number;
  /** subtotal − discountTotal + taxTotal, and the sum of `lines[].total`. */
  total: number;
  /** One entry per distinct tax code and rate present (0 % included), ascending by rate, then in the order of `taxCodes`. */
  taxes: TaxLine[];
  /** Same order as the input lines. */
  lines: LineTotals[];
}

export interface TaxLine {
  code: TaxCode;
  rate: number;
  taxable: number;
  tax: number;
  /** The parts `tax` is the sum of (CGST and SGST, or IGST), when the document's tax is split. */
  components?: TaxComponent[];
}

export interface TaxComponent {
  name: 'CGST' | 'SGST' | 'IGST';
  rate: number;
  tax: number;
}

export interface LineTotals {
  net: number;
  /** This line's share of the document discount. */
  discount: number;
  tax: number;
  /** net − discount + tax. */
  total: number;
}

// Fixed-point scales of the decimal inputs: quantity and tax rate carry 4 decimals, discounts 2.
const QUANTITY_SCALE = 10_000n;
const DISCOUNT_SCALE = 100n;
const RATE_SCALE = 10_000n;
const PERCENT = 100n;

/**
 * Rounding rule: every rounding is half away from zero to a whole minor unit
 * (`roundHalfAwayFromZero`), and happens only once per line net (quantity ×
 * unit price × (1 − line discount)), once for a percent document discount,
 * and once per tax rate on the discounted total of that rate. The document
 * discount and each rate's tax are spread over lines by largest remainder, so
 * line figures always add up to the document figures.
 */
export function computeTotals(input: TotalsInput): DocumentTotals {
  if (!isCurrency(input.currency)) {
    throw new Unprocessable('UNSUPPORTED_CURRENCY', `${input.currency} is not a supported ISO 4217 currency.`, { field: 'currency' });
  }
  const lines = input.lines.map((line, index) => {
    const field = `lines[${index}]`;
    const quantity = scaleDecimal(line.quantity, 4);
    if (quantity === undefined || quantity <= 0n) {
      throw new Unprocessable('INVALID_QUANTITY', 'Quantity must be greater than 0 with at most 4 decimals.', { field: `${field}.quantity` });
    }
    const unitPrice = minorAmount(line.unitPrice, `${field}.unitPrice`, 'INVALID_UNIT_PRICE');
    const discount = percent(line.discount ?? 0, 2, `${field}.discount`, 'INVALID_DISCOUNT');
    const rate = percent(line.taxRate ?? 0, 4, `${field}.taxRate`, 'INVALID_TAX_RATE');
    const code = line.taxCode ?? (rate > 0n ? 'standard' : 'zero');
    if (!isRated(code) && rate !== 0n) {
      throw new Unprocessable('TAX_RATE_NOT_ALLOWED', `A line taxed as ${code} has a rate of 0.`, { field: `${field}.taxRate` });
    }
    const net = roundHalfAwayFromZero(quantity * unitPrice * (PERCENT * DISCOUNT_SCALE - discount), QUANTITY_SCALE * PERCENT * DISCOUNT_SCALE);
    return { net, rate, code };
  });

  const subtotal = sum(lines.map((line) => line.net));
  const discountTotal = documentDiscount(input.discount, subtotal);
  const discounts = allocateLargestRemainder(
    discountTotal,
    lines.map((line) => line.net),
  );
  const taxable = lines.map((line, index) => line.net - discounts[index]!);

  const { taxes, lineTaxes } = taxByCategory(lines, taxable, input.split);
  const taxTotal = sum(lineTaxes);
  return {
    subtotal: safe(subtotal),
    discountTotal: safe(discountTotal),
    taxableTotal: safe(subtotal - discountTotal),
    taxTotal: safe(taxTotal),
    total: safe(subtotal - discountTotal + taxTotal),
    taxes: taxes.map((entry) => ({
      code: entry.code,
      rate: percentOf(entry.rate),
      taxable: safe(entry.taxable),
      tax: safe(entry.tax),
      ...(entry.components && {
        components: entry.components.map((component) => ({ name: component.name, rate: component.rate, tax: safe(component.tax) })),
      }),
    })),
    lines: lines.map((line, index) => ({
      net: safe(line.net),
      discount: safe(discounts[index]!),
      tax: safe(lineTaxes[index]!),
      total: safe(taxable[index]! + lineTaxes[index]!),
    })),
  };
}

const percentOf = (scaledRate: bigint) => Number(scaledRate) / Number(RATE_SCALE);

/**
 * Tax rounded once per code and rate on that group's taxable sum (once per
 * component when split: CGST and SGST are each half the rate, rounded on
 * their own, so they are always equal), then shared back to its lines.
 */
function taxByCategory(lines: readonly { rate: bigint; code: TaxCode }[], taxable: readonly bigint[], split: TaxSplit | undefined) {
  const lineTaxes = lines.map(() => 0n);
  const groups = new Map<string, { code: TaxCode; rate: bigint; indexes: number[] }>();
  lines.forEach((line, index) => {
    const key = `${line.code}:${line.rate}`;
    const group = groups.get(key) ?? { code: line.code, rate: line.rate, indexes: [] };
    group.indexes.push(index);
    groups.set(key, group);
  });
  const ordered = [...groups.values()].sort((a, b) => (a.rate === b.rate ? taxCodes.indexOf(a.code) - taxCodes.indexOf(b.code) : a.rate < b.rate ? -1 : 1));
  const taxes = ordered.map(({ code, rate, indexes }) => {
    const weights = indexes.map((index) => taxable[index]!);
    const groupTaxable = sum(weights);
    const components = split && rate > 0n ? splitTax(split, groupTaxable, rate) : undefined;
    const tax = components ? sum(components.map((component) => component.tax)) : roundHalfAwayFromZero(groupTaxable * rate, PERCENT * RATE_SCALE);
    allocateLargestRemainder(tax, weights).forEach((share, k) => {
      lineTaxes[indexes[k]!] = share;
    });
    return { code, rate, taxable: groupTaxable, tax, components };
  });
  return { taxes, lineTaxes };
}

function splitTax(split: TaxSplit, taxable: bigint, rate: bigint): { name: TaxComponent['name']; rate: number; tax: bigint }[] {
  if (split === 'igst') return [{ name: 'IGST', rate: percentOf(rate), tax: roundHalfAwayFromZero(taxable * rate, PERCENT * RATE_SCALE) }];
  const half = roundHalfAwayFromZero(taxable * rate, 2n * PERCENT * RATE_SCALE);
  const halfRate = percentOf(rate) / 2;
  return [
    { name: 'CGST', rate: halfRate, tax: half },
    { name: 'SGST', rate: halfRate, tax: half },
  ];
}

function documentDiscount(discount: DocumentDiscount | undefined, subtotal: bigint): bigint {
  if (discount === undefined) return 0n;
  if (discount.type === 'percent') {
    const value = percent(discount.value, 2, 'discount.value', 'INVALID_DISCOUNT');
    return roundHalfAwayFromZero(subtotal * value, PERCENT * DISCOUNT_SCALE);
  }
  const amount = minorAmount(discount.value, 'discount.value', 'INVALID_DISCOUNT');
  if (amount > subtotal) {
    throw new Unprocessable('DISCOUNT_EXCEEDS_SUBTOTAL', 'The discount amount cannot exceed the subtotal.', {
      field: 'discount.value',
      subtotal: safe(subtotal),
    });
  }
  return amount;
}

/** A percent 0..100 with at most `places` decimals, scaled by 10^places. */
function percent(value: number, places: number, field: string, code: string): bigint {
  const scaled = scaleDecimal(value, places);
  const max = PERCENT * 10n ** BigInt(places);
  if (scaled === undefined || scaled < 0n || scaled > max) {
    throw new Unprocessable(code, `Must be a percent from 0 to 100 with at most ${places} decimals.`, { field });
  }
  return scaled;
}

function minorAmount(value: number, field: string, code: string): bigint {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_AMOUNT) {
    throw new Unprocessable(code, `Must be an integer amount in minor units from 0 to ${MAX_AMOUNT}.`, { field });
  }
  return BigInt(value);
}

function sum(values: readonly bigint[]): bigint {
  return values.reduce((total, value) => total + value, 0n);
}

function safe(value: bigint): number {
  if (value > BigInt(MAX_AMOUNT)) {
    throw new Unprocessable('AMOUNT_TOO_LARGE', 'The document totals exceed the largest supported amount.');
  }
  return Number(value);
}
