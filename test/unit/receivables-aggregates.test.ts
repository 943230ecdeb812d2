import { describe, expect, it } from 'vitest';
import { type AggregateItem, ageAggregates, aggregateDeltas, type OpenShare } from '../../functions/core/receivables/aggregates.ts';
import { ageReceivables } from '../../functions/core/receivables/aging.ts';

const shares: (OpenShare & { id: string })[] = [
  { id: 'a', contactId: 'con_a', currency: 'EUR', dueDate: '2024-02-29', balance: 1_000 },
  { id: 'b', contactId: 'con_a', currency: 'EUR', dueDate: '2026-01-31', balance: 2_500 },
  { id: 'c', contactId: 'con_a', currency: 'EUR', dueDate: '2026-03-01', balance: 700 },
  { id: 'd', contactId: 'con_b', currency: 'EUR', dueDate: '2026-03-01', balance: 300 },
  { id: 'e', contactId: 'con_b', currency: 'USD', dueDate: '2026-04-15', balance: 9_000 },
  { id: 'f', contactId: 'con_b', currency: 'EUR', dueDate: '2026-02-01', balance: 50 },
];

/** The items the aggregates hold once every share was put in, as their repository reads them. */
const itemsOf = (moves: Parameters<typeof aggregateDeltas>[0]): AggregateItem[] => aggregateDeltas(moves).map(({ total: _, ...item }) => item);

describe('the receivables aggregates', () => {
  it.each(['2026-03-01', '2026-03-02', '2026-03-31', '2026-05-30', '2026-06-01', '2020-01-01'])('age as the open invoices themselves do, as of %s', (asOf) => {
    const items = itemsOf(shares.map((share) => ({ before: null, after: share })));
    expect(ageAggregates(items, asOf)).toEqual(ageReceivables(shares, asOf));
  });

  it('take a share off where it was and put it on where it moved, leaving nothing where they cancel', () => {
    const [first, second] = [shares[0]!, shares[1]!];
    expect(
      aggregateDeltas([
        { before: null, after: first },
        { before: first, after: { ...first, balance: 400 } },
        { before: null, after: second },
      ]),
    ).toEqual([
      { currency: 'EUR', month: '2024-02', days: { d29: 400 }, total: 400 },
      { currency: 'EUR', month: '2024-02', contactId: 'con_a', days: { d29: 400 }, total: 400 },
      { currency: 'EUR', month: '2026-01', days: { d31: 2_500 }, total: 2_500 },
      { currency: 'EUR', month: '2026-01', contactId: 'con_a', days: { d31: 2_500 }, total: 2_500 },
    ]);
    expect(aggregateDeltas([{ before: first, after: first }])).toEqual([]);
  });
});
