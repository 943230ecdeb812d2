import * as z from 'zod/mini';
import { Unprocessable } from '../errors.ts';
import table from './vat-rates/vat-rates.json' with { type: 'json' };

const Periods = /* @__PURE__ */ z.lazy(() => z.record(z.string(), z.array(z.object({ effective_from: z.string(), rates: z.record(z.string(), z.number()) }))));
/** Per member state, its periods newest first: checked once, on the first OSS line, not while every function that composes documents loads. */
let periods: z.infer<typeof Periods> | undefined;
const periodsTable = () => (periods ??= Periods.parse(table.items));
/** The kinds of reduced rate the table names, in the order the main one is chosen. */
const REDUCED_KINDS = ['reduced', 'reduced1', 'reduced2', 'super_reduced', 'parking', 'press_publications'];

/** A member state's VAT rates on a date (YYYY-MM-DD): the newest period in effect then. */
function ratesOn(country: string, date: string, field: string): Record<string, number> {
  const period = periodsTable()[country]?.find((candidate) => candidate.effective_from <= date);
  if (!period) throw new Unprocessable('NO_VAT_RATE', `The VAT rate table has no rates for ${country} on ${date}.`, { field });
  return period.rates;
}

/** The destination's standard rate on the date of the sale. */
export function standardRate(country: string, date: string, field: string): number {
  const rate = ratesOn(country, date, field).standard;
  if (rate === undefined) throw new Unprocessable('NO_VAT_RATE', `The VAT rate table has no standard rate for ${country} on ${date}.`, { field });
  return rate;
}

/**
 * A reduced rate of the destination on the date of the sale: the one asked for
 * when the destination has it, else its main reduced rate (`reduced`, or
 * `reduced1`). A country without reduced rates cannot take a reduced line.
 */
export function reducedRate(country: string, date: string, asked: number | undefined, field: string): number {
  const rates = ratesOn(country, date, field);
  const reduced = REDUCED_KINDS.flatMap((kind) => (rates[kind] === undefined ? [] : [rates[kind]]));
  if (asked !== undefined && reduced.includes(asked)) return asked;
  const main = reduced[0];
  if (main === undefined) throw new Unprocessable('NO_VAT_RATE', `${country} has no reduced VAT rate on ${date}.`, { field });
  return main;
}
