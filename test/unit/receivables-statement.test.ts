import { describe, expect, it } from 'vitest';
import { Unprocessable } from '../../functions/core/errors.ts';
import { buildStatement, type StatementEntry } from '../../functions/core/receivables/statement.ts';

describe('buildStatement', () => {
  it('opens with earlier entries, runs the balance over the period and ignores later ones', () => {
    const entries: StatementEntry[] = [
      { date: '2026-02-10', type: 'invoice', reference: 'INV-001', amount: 10000, effect: 'debit' },
      { date: '2026-02-20', type: 'payment', reference: 'PAY-001', amount: 4000, effect: 'credit' },
      // Listed before its same-day invoice: documents still come first.
      { date: '2026-03-05', type: 'payment', reference: 'PAY-002', amount: 6000, effect: 'credit' },
      { date: '2026-03-05', type: 'invoice', reference: 'INV-002', amount: 25000, effect: 'debit' },
      { date: '2026-03-10', type: 'credit-note', reference: 'CN-001', amount: 2500, effect: 'credit' },
      { date: '2026-03-20', type: 'refund', reference: 'RF-001', amount: 500, effect: 'debit' },
      { date: '2026-03-31', type: 'retainer-invoice', reference: 'RET-001', amount: 5000, effect: 'debit' },
      { date: '2026-04-01', type: 'invoice', reference: 'INV-003', amount: 9999, effect: 'debit' },
      { date: '2026-03-01', type: 'payment', reference: 'PAY-000', amount: 1000, effect: 'credit' },
    ];
    // opening: 10000 − 4000 = 6000
    // 6000 − 1000 = 5000; + 25000 = 30000; − 6000 = 24000; − 2500 = 21500; + 500 = 22000; + 5000 = 27000
    // debits 25000 + 500 + 5000 = 30500; credits 1000 + 6000 + 2500 = 9500; closing 6000 + 30500 − 9500 = 27000
    expect(buildStatement({ currency: 'EUR', from: '2026-03-01', to: '2026-03-31', entries })).toEqual({
      currency: 'EUR',
      from: '2026-03-01',
      to: '2026-03-31',
      openingBalance: 6000,
      lines: [
        { date: '2026-03-01', type: 'payment', reference: 'PAY-000', debit: 0, credit: 1000, balance: 5000 },
        { date: '2026-03-05', type: 'invoice', reference: 'INV-002', debit: 25000, credit: 0, balance: 30000 },
        { date: '2026-03-05', type: 'payment', reference: 'PAY-002', debit: 0, credit: 6000, balance: 24000 },
        { date: '2026-03-10', type: 'credit-note', reference: 'CN-001', debit: 0, credit: 2500, balance: 21500 },
        { date: '2026-03-20', type: 'refund', reference: 'RF-001', debit: 500, credit: 0, balance: 22000 },
        { date: '2026-03-31', type: 'retainer-invoice', reference: 'RET-001', debit: 5000, credit: 0, balance: 27000 },
      ],
      totals: { debits: 30500, credits: 9500 },
      closingBalance: 27000,
    });
  });

  it('breaks same-date, same-kind ties by reference, then input order', () => {
    const statement = buildStatement({
      currency: 'USD',
      from: '2026-01-01',
      to: '2026-01-01',
      entries: [
        { date: '2026-01-01', type: 'payment', reference: 'PAY-010', amount: 1, effect: 'credit' },
        { date: '2026-01-01', type: 'payment', reference: 'PAY-009', amount: 2, effect: 'credit' },
        { date: '2026-01-01', type: 'retainer-invoice', reference: 'X', amount: 3, effect: 'debit' },
        { date: '2026-01-01', type: 'invoice', reference: 'X', amount: 4, effect: 'debit' },
      ],
    });
    expect(statement.lines.map((line) => [line.reference, line.balance])).toEqual([
      ['X', 3],
      ['X', 7],
      ['PAY-009', 5],
      ['PAY-010', 4],
    ]);
  });

  it('can be in credit, and empty', () => {
    expect(
      buildStatement({
        currency: 'JPY',
        from: '2026-02-01',
        to: '2026-02-28',
        entries: [{ date: '2026-01-15', type: 'payment', reference: 'PAY-1', amount: 700, effect: 'credit' }],
      }),
    ).toEqual({
      currency: 'JPY',
      from: '2026-02-01',
      to: '2026-02-28',
      openingBalance: -700,
      lines: [],
      totals: { debits: 0, credits: 0 },
      closingBalance: -700,
    });
  });

  const entry: StatementEntry = { date: '2026-01-10', type: 'invoice', reference: 'I', amount: 100, effect: 'debit' };
  it.each([
    ['2026-02-01', '2026-01-31', [], 'INVALID_RANGE'],
    ['2026-01-01', '2026-02-30', [], 'INVALID_DATE'],
    ['2026-01-01', '2026-01-31', [{ ...entry, date: '10.01.2026' }], 'INVALID_DATE'],
    ['2026-01-01', '2026-01-31', [{ ...entry, amount: 0 }], 'INVALID_AMOUNT'],
    ['2026-01-01', '2026-01-31', [{ ...entry, amount: 9.99 }], 'INVALID_AMOUNT'],
  ] satisfies [string, string, StatementEntry[], string][])('rejects %s..%s (%#)', (from, to, entries, code) => {
    const build = () => buildStatement({ currency: 'EUR', from, to, entries });
    expect(build).toThrow(Unprocessable);
    expect(build).toThrow(expect.objectContaining({ code }));
  });
});
