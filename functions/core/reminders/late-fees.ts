import * as z from 'zod/mini';
import type { StoredDocument } from '../documents/schema.ts';
import { Unprocessable } from '../errors.ts';
import { isCurrency } from '../money/currency.ts';
import { scaleDecimal } from '../money/decimal.ts';
import { roundHalfAwayFromZero } from '../money/rounding.ts';

/**
 * Late fees: what a reminder after the due date may charge, and how much.
 * Pure: the settings' rules and the arithmetic, no reads.
 */

/** A percentage of the invoice's balance, or a fixed amount in minor units of one currency. */
export type LateFee = { offset: number; percent: number } | { offset: number; amount: number; currency: string };

/** A fixed fee is at most what a line's unit price may be. */
export const MAX_FIXED_FEE = 999_999_999_999;
/** Per offset one percentage, or a fixed amount per currency: a handful of currencies per reminder after the due date. */
export const MAX_LATE_FEES = 24;
const PERCENT_DECIMALS = 2;

/** Numbers are checked by `assertLateFees` (422 with the field), as line amounts are by the totals. */
export const LateFeeInput = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    offset: z.int().register(z.globalRegistry, { description: 'The reminder it goes with: one of `offsets`, after the due date (> 0).' }),
    percent: z.optional(
      z.number().register(z.globalRegistry, {
        description: "A percentage of the invoice's balance when the reminder goes, over 0 and at most 100, at most 2 decimals: `1.5` is 1.5 %.",
      }),
    ),
    amount: z.optional(
      z.number().register(z.globalRegistry, {
        description: `A fixed fee, an integer in minor units of \`currency\` (1 to 999,999,999,999): \`2500\` in EUR is 25.00 EUR. Only invoices in that currency are charged it.`,
      }),
    ),
    currency: z.optional(
      z.string().register(z.globalRegistry, {
        description: "With `amount`: the ISO 4217 code it is in; default the organization's currency. Give one fee per currency to charge several.",
      }),
    ),
  }),
);
export type LateFeeChange = z.infer<typeof LateFeeInput>;

const invalid = (field: string, message: string) => new Unprocessable('INVALID_LATE_FEE', message, { field });

/**
 * The late fees as stored, from what a client sent: each on an offset of the
 * reminders after the due date; a percentage or a positive whole amount,
 * never both; per offset one percentage or one fixed fee per currency.
 */
export function checkedLateFees(changes: readonly LateFeeChange[], offsets: readonly number[], defaultCurrency: string): LateFee[] {
  // Per offset: 'percent', or the currencies with a fixed fee.
  const taken = new Map<number, string[]>();
  return changes.map((change, index) => {
    const field = `reminders.lateFees[${index}]`;
    if (!offsets.includes(change.offset)) throw invalid(`${field}.offset`, `A late fee goes with a reminder: ${change.offset} is not one of the offsets.`);
    if (change.offset <= 0) throw invalid(`${field}.offset`, 'A late fee goes with a reminder after the due date (an offset over 0).');
    const fee = lateFeeOf(change, field, defaultCurrency);
    const kind = 'percent' in fee ? 'percent' : fee.currency;
    const before = taken.get(fee.offset) ?? [];
    if (before.includes(kind) || (before.length > 0 && (kind === 'percent' || before.includes('percent')))) {
      throw invalid(field, `The reminder of offset ${fee.offset} already has a fee: one percentage, or one fixed amount per currency.`);
    }
    taken.set(fee.offset, [...before, kind]);
    return fee;
  });
}

function lateFeeOf(change: LateFeeChange, field: string, defaultCurrency: string): LateFee {
  const { offset, percent, amount, currency } = change;
  if ((percent === undefined) === (amount === undefined)) throw invalid(field, 'A late fee is either a `percent` or an `amount`.');
  if (percent !== undefined) {
    if (currency !== undefined) throw invalid(`${field}.currency`, 'A percentage is of the invoice’s own currency: give `currency` with `amount` only.');
    const scaled = scaleDecimal(percent, PERCENT_DECIMALS);
    if (scaled === undefined || scaled <= 0n || scaled > 100n * 10n ** BigInt(PERCENT_DECIMALS)) {
      throw invalid(`${field}.percent`, 'A late fee percentage is over 0 and at most 100, with at most 2 decimals.');
    }
    return { offset, percent };
  }
  if (!Number.isInteger(amount) || amount! < 1 || amount! > MAX_FIXED_FEE) {
    throw invalid(`${field}.amount`, `A fixed late fee is a whole number of minor units, 1 to ${MAX_FIXED_FEE}.`);
  }
  const code = currency ?? defaultCurrency;
  if (!isCurrency(code)) throw invalid(`${field}.currency`, `${code} is not an ISO 4217 currency.`);
  return { offset, amount: amount!, currency: code };
}

/** Fees whose reminder is no longer among the offsets (a change of offsets alone) make the settings invalid. */
export function assertFeesOnOffsets(fees: readonly LateFee[], offsets: readonly number[]) {
  const index = fees.findIndex((fee) => !offsets.includes(fee.offset));
  if (index >= 0) {
    throw invalid(`reminders.offsets`, `The late fee of offset ${fees[index]!.offset} needs its reminder: remove the fee with the offset, or keep the offset.`);
  }
}

/**
 * What the reminder at `offset` charges on an invoice, in its minor units:
 * a percentage of its balance, rounded once half away from zero (the totals'
 * rule), or the fixed fee in its currency; undefined when there is none, or
 * when the invoice is itself a late fee (fees never compound) or owes nothing.
 */
export function lateFeeAmount(
  fees: readonly LateFee[],
  offset: number,
  invoice: Pick<StoredDocument, 'kind' | 'currency' | 'balance' | 'lateFeeFor'>,
): number | undefined {
  if (invoice.kind !== 'invoice' || invoice.lateFeeFor || invoice.balance <= 0) return undefined;
  const fee = fees.find((each) => each.offset === offset && ('percent' in each || each.currency === invoice.currency));
  if (!fee) return undefined;
  const amount =
    'percent' in fee
      ? Number(roundHalfAwayFromZero(BigInt(invoice.balance) * scaleDecimal(fee.percent, PERCENT_DECIMALS)!, 100n * 10n ** BigInt(PERCENT_DECIMALS)))
      : fee.amount;
  return amount > 0 ? amount : undefined;
}
