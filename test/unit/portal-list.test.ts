import { describe, expect, it } from 'vitest';
import { portalListPage } from '../../functions/core/documents/portal-list.ts';
import { amountText, parseAmount } from '../../templates/portal/money-input.ts';

type View = Parameters<typeof portalListPage>[0][number];
const view = (number: string, fields: Partial<View>): View =>
  ({ id: number, number, kind: 'invoice', status: 'sent', currency: 'EUR', issueDate: '2026-01-01', balance: 100, ...fields }) as View;

const query = { limit: 2, sort: 'newest' as const };

describe('the portal list', () => {
  const views = [
    view('INV-1', { issueDate: '2026-01-01', dueDate: '2026-03-01' }),
    view('INV-2', { issueDate: '2026-02-01', dueDate: '2026-02-15', currency: 'USD', balance: 59500 }),
    view('EST-1', { kind: 'estimate', issueDate: '2026-01-15', expiryDate: '2026-02-01', balance: 0 }),
    view('INV-3', { issueDate: '2026-02-01', status: 'paid', balance: 0 }),
  ];

  it('pages newest first with a count over all pages and balances per currency (estimates owe nothing)', () => {
    const first = portalListPage(views, query);
    expect(first.items.map((item) => item.number)).toEqual(['INV-3', 'INV-2']);
    expect([first.total, first.balances]).toEqual([
      4,
      [
        { currency: 'EUR', balance: 100 },
        { currency: 'USD', balance: 59500 },
      ],
    ]);
    const second = portalListPage(views, { ...query, cursor: first.nextCursor! });
    expect([second.items.map((item) => item.number), second.nextCursor]).toEqual([['EST-1', 'INV-1'], null]);
  });

  it('sorts by due or expiry date, soonest first, undated last; searches numbers ignoring case; filters kind and status', () => {
    expect(portalListPage(views, { limit: 10, sort: 'due' }).items.map((item) => item.number)).toEqual(['EST-1', 'INV-2', 'INV-1', 'INV-3']);
    expect(portalListPage(views, { limit: 10, sort: 'newest', number: 'inv-' }).total).toBe(3);
    expect(portalListPage(views, { limit: 10, sort: 'newest', kind: 'invoice', status: 'paid' }).items.map((item) => item.number)).toEqual(['INV-3']);
  });

  it('refuses a cursor it did not give', () => {
    expect(() => portalListPage(views, { ...query, cursor: 'bm9wZQ' })).toThrow('The cursor is not one this list returned.');
  });
});

describe('amounts typed in money', () => {
  it('reads each language’s separators, exactly, into minor units', () => {
    expect(parseAmount('1,606.30', 'EUR', 'en')).toBe(160630);
    expect(parseAmount('1.606,30', 'EUR', 'de')).toBe(160630);
    expect(parseAmount('1 606,3', 'EUR', 'fr')).toBe(160630);
    expect(parseAmount('1235', 'JPY', 'en')).toBe(1235);
    expect(parseAmount('0', 'EUR', 'en')).toBe(0);
  });

  it('refuses what is not an amount, or more decimals than the currency has', () => {
    for (const text of ['', 'abc', '1.2.3,4,5', '1.234', '-5']) expect(parseAmount(text, 'EUR', text === '1.234' ? 'en' : 'de'), text).toBeNull();
  });

  it('fills the field in the reader’s format', () => {
    expect([amountText(160630, 'EUR', 'en'), amountText(160630, 'EUR', 'de'), amountText(5, 'EUR', 'en'), amountText(1235, 'JPY', 'en')]).toEqual([
      '1606.30',
      '1606,30',
      '0.05',
      '1235',
    ]);
  });
});
