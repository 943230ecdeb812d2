import { describe, expect, it } from 'vitest';
import { Unprocessable } from '../../functions/core/errors.ts';
import { assertFeesOnOffsets, checkedLateFees, type LateFee, lateFeeAmount } from '../../functions/core/reminders/late-fees.ts';

const offsets = [-3, 0, 7, 14];
const fees: LateFee[] = [
  { offset: 7, percent: 1.5 },
  { offset: 14, amount: 2500, currency: 'EUR' },
  { offset: 14, amount: 3000, currency: 'USD' },
];
const invoice = (
  balance: number,
  currency = 'EUR',
  extra: { kind?: 'invoice' | 'retainer-invoice'; lateFeeFor?: { id: string; number: string; offset: number } } = {},
) => ({
  kind: 'invoice' as const,
  currency,
  balance,
  ...extra,
});

/** The code and field of the 422 a change is refused with. */
function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof Unprocessable) return { code: error.code, field: (error.details as { field: string }).field };
    throw error;
  }
  throw new Error('not refused');
}

describe('late fee amounts', () => {
  it('charges a percentage of the balance, rounded once half away from zero', () => {
    expect(lateFeeAmount(fees, 7, invoice(11_900))).toBe(179); // 178.5 → 179
    expect(lateFeeAmount(fees, 7, invoice(10_000))).toBe(150);
    expect(lateFeeAmount(fees, 7, invoice(33))).toBeUndefined(); // 0.495 rounds to 0: no fee
    expect(lateFeeAmount(fees, 7, invoice(34))).toBe(1); // 0.51 → 1
    expect(lateFeeAmount([{ offset: 7, percent: 0.01 }], 7, invoice(999_999_999_999))).toBe(100_000_000);
    expect(lateFeeAmount([{ offset: 7, percent: 100 }], 7, invoice(12_345, 'JPY'))).toBe(12_345);
  });

  it('charges a fixed fee only on invoices in its currency', () => {
    expect(lateFeeAmount(fees, 14, invoice(100))).toBe(2500);
    expect(lateFeeAmount(fees, 14, invoice(100, 'USD'))).toBe(3000);
    expect(lateFeeAmount(fees, 14, invoice(100, 'GBP'))).toBeUndefined();
  });

  it('charges nothing on other reminders, a settled invoice, a retainer invoice or a fee itself', () => {
    expect(lateFeeAmount(fees, 0, invoice(10_000))).toBeUndefined();
    expect(lateFeeAmount(fees, 7, invoice(0))).toBeUndefined();
    expect(lateFeeAmount(fees, 14, invoice(0))).toBeUndefined();
    expect(lateFeeAmount(fees, 7, invoice(10_000, 'EUR', { kind: 'retainer-invoice' }))).toBeUndefined();
    expect(lateFeeAmount(fees, 14, invoice(2500, 'EUR', { lateFeeFor: { id: 'doc_1', number: 'INV-000001', offset: 7 } }))).toBeUndefined();
  });
});

describe('late fee settings', () => {
  it('stores fixed fees in the organization’s currency unless told', () => {
    expect(
      checkedLateFees(
        [
          { offset: 7, percent: 1.5 },
          { offset: 14, amount: 2500 },
          { offset: 14, amount: 3000, currency: 'USD' },
        ],
        offsets,
        'EUR',
      ),
    ).toEqual(fees);
  });

  it.each([
    [{ offset: 7, percent: -1 }, 'reminders.lateFees[0].percent'],
    [{ offset: 7, percent: 0 }, 'reminders.lateFees[0].percent'],
    [{ offset: 7, percent: 100.01 }, 'reminders.lateFees[0].percent'],
    [{ offset: 7, percent: 1.005 }, 'reminders.lateFees[0].percent'],
    [{ offset: 7, amount: -2500 }, 'reminders.lateFees[0].amount'],
    [{ offset: 7, amount: 0 }, 'reminders.lateFees[0].amount'],
    [{ offset: 7, amount: 12.5 }, 'reminders.lateFees[0].amount'],
    [{ offset: 7, amount: 1_000_000_000_000 }, 'reminders.lateFees[0].amount'],
    [{ offset: 7, amount: 100, currency: 'XXY' }, 'reminders.lateFees[0].currency'],
    [{ offset: 7, percent: 2, currency: 'EUR' }, 'reminders.lateFees[0].currency'],
    [{ offset: 7 }, 'reminders.lateFees[0]'],
    [{ offset: 7, percent: 2, amount: 100 }, 'reminders.lateFees[0]'],
    [{ offset: 30, percent: 2 }, 'reminders.lateFees[0].offset'],
    [{ offset: 0, percent: 2 }, 'reminders.lateFees[0].offset'],
    [{ offset: -3, amount: 100 }, 'reminders.lateFees[0].offset'],
  ])('refuses %j (422 at %s)', (fee, field) => {
    expect(refusal(() => checkedLateFees([fee], offsets, 'EUR'))).toEqual({ code: 'INVALID_LATE_FEE', field });
  });

  it('takes per reminder one percentage, or one fixed fee per currency', () => {
    const twice = (first: object, second: object) => refusal(() => checkedLateFees([first, second] as never, offsets, 'EUR'));
    const second = { code: 'INVALID_LATE_FEE', field: 'reminders.lateFees[1]' };
    expect(twice({ offset: 7, percent: 1 }, { offset: 7, percent: 2 })).toEqual(second);
    expect(twice({ offset: 7, percent: 1 }, { offset: 7, amount: 100 })).toEqual(second);
    expect(twice({ offset: 7, amount: 100 }, { offset: 7, percent: 1 })).toEqual(second);
    expect(twice({ offset: 7, amount: 100 }, { offset: 7, amount: 200, currency: 'EUR' })).toEqual(second);
    expect(
      checkedLateFees(
        [
          { offset: 7, amount: 100 },
          { offset: 14, percent: 1 },
        ],
        offsets,
        'EUR',
      ),
    ).toHaveLength(2);
  });

  it('refuses offsets that would leave a fee without its reminder', () => {
    expect(refusal(() => assertFeesOnOffsets(fees, [-3, 0, 7]))).toEqual({ code: 'INVALID_LATE_FEE', field: 'reminders.offsets' });
    expect(() => assertFeesOnOffsets(fees, [7, 14, 30])).not.toThrow();
  });
});
