import { describe, expect, it } from 'vitest';
import { Unprocessable } from '../../functions/core/errors.ts';
import { buildStatement, buildStatementPage, type StatementEntry } from '../../functions/core/receivables/statement.ts';

/** An entry recorded at noon of its date unless told, its reference as its id. */
const posting = (entry: Omit<StatementEntry, 'id' | 'at'> & Partial<Pick<StatementEntry, 'id' | 'at'>>): StatementEntry => ({
  id: entry.reference,
  at: `${entry.date}T12:00:00.000Z`,
  ...entry,
});

describe('buildStatement', () => {
  it('opens with earlier entries, runs the balance over the period and ignores later ones', () => {
    const entries: StatementEntry[] = [
      posting({ date: '2026-02-10', type: 'invoice', reference: 'INV-001', amount: 10000, effect: 'debit' }),
      posting({ date: '2026-02-20', type: 'payment', reference: 'PAY-001', amount: 4000, effect: 'credit' }),
      // Listed before its same-day invoice: documents still come first.
      posting({ date: '2026-03-05', type: 'payment', reference: 'PAY-002', amount: 6000, effect: 'credit' }),
      posting({ date: '2026-03-05', type: 'invoice', reference: 'INV-002', amount: 25000, effect: 'debit' }),
      posting({ date: '2026-03-10', type: 'credit-note', reference: 'CN-001', amount: 2500, effect: 'credit' }),
      posting({ date: '2026-03-20', type: 'refund', reference: 'RF-001', amount: 500, effect: 'debit' }),
      posting({ date: '2026-03-31', type: 'retainer-invoice', reference: 'RET-001', amount: 5000, effect: 'debit' }),
      posting({ date: '2026-04-01', type: 'invoice', reference: 'INV-003', amount: 9999, effect: 'debit' }),
      posting({ date: '2026-03-01', type: 'payment', reference: 'PAY-000', amount: 1000, effect: 'credit' }),
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

  it('orders same-date lines documents first, then as they were recorded, then by id, whatever the input order', () => {
    const entries = [
      posting({ id: 'p2', at: '2026-01-01T15:00:00.000Z', date: '2026-01-01', type: 'payment', reference: 'INV-2', amount: 1, effect: 'credit' }),
      posting({ id: 'p1', at: '2026-01-01T09:00:00.000Z', date: '2026-01-01', type: 'payment', reference: 'INV-9', amount: 2, effect: 'credit' }),
      posting({ id: 'b', at: '2026-01-01T10:00:00.000Z', date: '2026-01-01', type: 'retainer-invoice', reference: 'RET-1', amount: 3, effect: 'debit' }),
      posting({ id: 'a', at: '2026-01-01T10:00:00.000Z', date: '2026-01-01', type: 'invoice', reference: 'INV-3', amount: 4, effect: 'debit' }),
    ];
    const expected = [
      ['INV-3', 4],
      ['RET-1', 7],
      ['INV-9', 5],
      ['INV-2', 4],
    ];
    for (const order of [entries, [...entries].reverse()]) {
      const statement = buildStatement({ currency: 'USD', from: '2026-01-01', to: '2026-01-01', entries: order });
      expect(statement.lines.map((line) => [line.reference, line.balance])).toEqual(expected);
    }
  });

  it('pages the lines: each page brings its balance forward, totals are the whole period, the cursor is only good for its statement', () => {
    const entries = Array.from({ length: 7 }, (_, index) =>
      posting({ id: `i${index}`, date: `2026-03-0${index + 1}`, type: 'invoice', reference: `INV-${index}`, amount: 100 * (index + 1), effect: 'debit' }),
    );
    entries.push(posting({ date: '2026-02-01', type: 'invoice', reference: 'INV-OLD', amount: 50, effect: 'debit' }));
    const input = { currency: 'EUR', from: '2026-03-01', to: '2026-03-31', entries };
    const whole = buildStatement(input);
    const pages = [];
    let cursor: string | undefined;
    do {
      const page = buildStatementPage(input, { limit: 3, cursor });
      pages.push(page);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages.map((page) => page.lines.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((page) => page.lines)).toEqual(whole.lines);
    expect(pages.map((page) => page.broughtForward)).toEqual([50, 650, 2150]);
    for (const page of pages) {
      expect(page).toMatchObject({ openingBalance: 50, totals: whole.totals, closingBalance: 2850 });
    }
    expect(pages.at(-1)?.nextCursor).toBeNull();
    const second = pages[0]!.nextCursor!;
    expect(() => buildStatementPage({ ...input, currency: 'USD' }, { limit: 3, cursor: second })).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
    expect(() => buildStatementPage({ ...input, to: '2026-03-30' }, { limit: 3, cursor: second })).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
    expect(() => buildStatementPage(input, { limit: 3, cursor: 'bm90LWpzb24' })).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });

  it('can be in credit, and empty', () => {
    expect(
      buildStatement({
        currency: 'JPY',
        from: '2026-02-01',
        to: '2026-02-28',
        entries: [posting({ date: '2026-01-15', type: 'payment', reference: 'PAY-1', amount: 700, effect: 'credit' })],
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

  const entry = posting({ date: '2026-01-10', type: 'invoice', reference: 'I', amount: 100, effect: 'debit' });
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
