import { describe, expect, it } from 'vitest';
import { Unprocessable } from '../../functions/core/errors.ts';
import { ageReceivables, type OpenInvoice } from '../../functions/core/receivables/aging.ts';

const invoice = (overrides: Partial<OpenInvoice>): OpenInvoice => ({
  id: 'inv',
  contactId: 'c1',
  currency: 'EUR',
  dueDate: '2026-03-31',
  balance: 100,
  ...overrides,
});
const zero = { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, days90plus: 0 };

describe('ageReceivables', () => {
  // asOf 2026-03-31; February 2026 has 28 days.
  it.each([
    ['2026-04-15', -15, 'current'],
    ['2026-03-31', 0, 'current'],
    ['2026-03-30', 1, 'days1to30'],
    ['2026-03-01', 30, 'days1to30'],
    ['2026-02-28', 31, 'days31to60'],
    ['2026-01-30', 60, 'days31to60'],
    ['2026-01-29', 61, 'days61to90'],
    ['2025-12-31', 90, 'days61to90'],
    ['2025-12-30', 91, 'days90plus'],
    ['2024-01-01', 820, 'days90plus'],
  ])('due %s (%i days past due) is %s', (dueDate, _days, bucket) => {
    const report = ageReceivables([invoice({ dueDate, balance: 100 })], '2026-03-31');
    expect(report.totals).toEqual([{ currency: 'EUR', ...zero, [bucket]: 100, total: 100 }]);
  });

  it('counts calendar days across a leap day', () => {
    // 2024-02-28 → 2024-03-01 is 2 days in a leap year: still 1–30, and 2024-01-31 → 2024-03-01 is 30
    const report = ageReceivables(
      [invoice({ dueDate: '2024-02-28', balance: 1 }), invoice({ dueDate: '2024-01-31', balance: 2 }), invoice({ dueDate: '2024-01-30', balance: 4 })],
      '2024-03-01',
    );
    expect(report.totals[0]).toMatchObject({ days1to30: 3, days31to60: 4 });
  });

  it('keeps contacts and currencies apart', () => {
    const report = ageReceivables(
      [
        invoice({ id: 'i1', contactId: 'c2', currency: 'USD', dueDate: '2026-03-31', balance: 1000 }),
        invoice({ id: 'i2', contactId: 'c1', currency: 'EUR', dueDate: '2026-03-15', balance: 250 }), // 16 days
        invoice({ id: 'i3', contactId: 'c1', currency: 'EUR', dueDate: '2026-01-15', balance: 700 }), // 75 days
        invoice({ id: 'i4', contactId: 'c1', currency: 'JPY', dueDate: '2025-11-01', balance: 5000 }), // 150 days
        invoice({ id: 'i5', contactId: 'c2', currency: 'EUR', dueDate: '2026-02-15', balance: 50 }), // 44 days
        invoice({ id: 'i6', contactId: 'c2', currency: 'USD', dueDate: '2026-03-20', balance: 300 }), // 11 days
      ],
      '2026-03-31',
    );
    expect(report).toEqual({
      asOf: '2026-03-31',
      contacts: [
        { contactId: 'c1', currency: 'EUR', ...zero, days1to30: 250, days61to90: 700, total: 950 },
        { contactId: 'c1', currency: 'JPY', ...zero, days90plus: 5000, total: 5000 },
        { contactId: 'c2', currency: 'EUR', ...zero, days31to60: 50, total: 50 },
        { contactId: 'c2', currency: 'USD', ...zero, current: 1000, days1to30: 300, total: 1300 },
      ],
      totals: [
        { currency: 'EUR', ...zero, days1to30: 250, days31to60: 50, days61to90: 700, total: 1000 },
        { currency: 'JPY', ...zero, days90plus: 5000, total: 5000 },
        { currency: 'USD', ...zero, current: 1000, days1to30: 300, total: 1300 },
      ],
    });
  });

  it('is empty without invoices', () => {
    expect(ageReceivables([], '2026-03-31')).toEqual({ asOf: '2026-03-31', contacts: [], totals: [] });
  });

  it.each([
    [[invoice({ dueDate: '2026-02-30' })], '2026-03-31', 'INVALID_DATE'],
    [[invoice({ dueDate: '2026-3-01' })], '2026-03-31', 'INVALID_DATE'],
    [[], '31/03/2026', 'INVALID_DATE'],
    [[invoice({ balance: 1.5 })], '2026-03-31', 'INVALID_AMOUNT'],
    [[invoice({ balance: -1 })], '2026-03-31', 'INVALID_AMOUNT'],
    [[invoice({ balance: Number.MAX_SAFE_INTEGER }), invoice({ balance: 1 })], '2026-03-31', 'AMOUNT_TOO_LARGE'],
  ])('rejects bad input (%#)', (invoices, asOf, code) => {
    expect(() => ageReceivables(invoices, asOf)).toThrow(Unprocessable);
    expect(() => ageReceivables(invoices, asOf)).toThrow(expect.objectContaining({ code }));
  });
});
