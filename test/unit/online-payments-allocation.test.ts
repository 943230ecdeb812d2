import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateOldestDueFirst, type Payable } from '../../functions/core/online-payments/allocation.ts';

const payable = (docId: string, balance: number, dueDate: string | undefined, sequence: number, issueDate = '2026-01-01'): Payable => ({
  docId,
  balance,
  dueDate,
  issueDate,
  sequence,
});

describe('allocating a payment over several documents, oldest due date first', () => {
  const documents = [payable('c', 300, '2026-03-01', 3), payable('a', 100, '2026-01-15', 1), payable('b', 200, '2026-02-01', 2)];

  it('pays every balance in full without an amount, oldest first', () => {
    expect(allocateOldestDueFirst(documents)).toEqual([
      { docId: 'a', amount: 100 },
      { docId: 'b', amount: 200 },
      { docId: 'c', amount: 300 },
    ]);
  });

  it('fills the oldest first and leaves out what the amount does not reach', () => {
    expect(allocateOldestDueFirst(documents, 250)).toEqual([
      { docId: 'a', amount: 100 },
      { docId: 'b', amount: 150 },
    ]);
    expect(allocateOldestDueFirst(documents, 100)).toEqual([{ docId: 'a', amount: 100 }]);
    expect(allocateOldestDueFirst(documents, 1)).toEqual([{ docId: 'a', amount: 1 }]);
  });

  it('takes the issue date for a missing due date, then the issue date, then the number', () => {
    const undated = [
      payable('late', 10, '2026-02-01', 1),
      payable('undated', 10, undefined, 5, '2026-01-20'),
      payable('second', 10, '2026-01-20', 3, '2026-01-20'),
      payable('first', 10, '2026-01-20', 2, '2026-01-10'),
    ];
    expect(allocateOldestDueFirst(undated).map((allocation) => allocation.docId)).toEqual(['first', 'second', 'undated', 'late']);
  });

  it.each([0, -1, 601, 1.5])('refuses an amount of %s', (amount) => {
    expect(() => allocateOldestDueFirst(documents, amount)).toThrow(RangeError);
  });

  it('never gives a document more than its balance, and always sums to the amount', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ balance: fc.integer({ min: 1, max: 1_000_000 }), due: fc.integer({ min: 1, max: 28 }) }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, fraction) => {
          const docs = rows.map((row, index) => payable(`d${index}`, row.balance, `2026-01-${String(row.due).padStart(2, '0')}`, index));
          const owed = docs.reduce((sum, doc) => sum + doc.balance, 0);
          const amount = Math.max(1, Math.round(owed * fraction));
          const allocations = allocateOldestDueFirst(docs, amount);
          expect(allocations.reduce((sum, allocation) => sum + allocation.amount, 0)).toBe(amount);
          for (const allocation of allocations) {
            expect(allocation.amount).toBeGreaterThan(0);
            expect(allocation.amount).toBeLessThanOrEqual(docs.find((doc) => doc.docId === allocation.docId)!.balance);
          }
          // Only the last document reached may be paid in part.
          for (const allocation of allocations.slice(0, -1)) expect(allocation.amount).toBe(docs.find((doc) => doc.docId === allocation.docId)!.balance);
        },
      ),
    );
  });
});
