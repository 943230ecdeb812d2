import { compareCodePoints } from '../compare.ts';
import type { Allocation } from './records.ts';

/** What allocation needs to know of a document being paid. */
export interface Payable {
  docId: string;
  balance: number;
  issueDate: string;
  dueDate?: string;
  /** Breaks ties between documents due the same day: the lower number was issued first. */
  sequence: number;
}

/** Oldest due date first; a document without one is due on its issue date. */
const byDueDate = (a: Payable, b: Payable) =>
  compareCodePoints(a.dueDate ?? a.issueDate, b.dueDate ?? b.issueDate) || compareCodePoints(a.issueDate, b.issueDate) || a.sequence - b.sequence;

/**
 * Spreads a payment over documents, oldest due date first: each gets up to its
 * balance until the amount is used up; documents it does not reach are left
 * out. Without an amount every balance is paid in full. The allocations always
 * sum to the amount, which must be positive and at most the balances' sum.
 */
export function allocateOldestDueFirst(documents: readonly Payable[], amount?: number): Allocation[] {
  const owed = documents.reduce((sum, document) => sum + document.balance, 0);
  const paying = amount ?? owed;
  if (!Number.isSafeInteger(paying) || paying <= 0 || paying > owed) throw new RangeError(`Cannot allocate ${paying} over balances of ${owed}.`);
  let left = paying;
  const allocations: Allocation[] = [];
  for (const document of [...documents].sort(byDueDate)) {
    if (left === 0) break;
    const share = Math.min(left, document.balance);
    if (share > 0) allocations.push({ docId: document.docId, amount: share });
    left -= share;
  }
  return allocations;
}
