import { clock } from '../clock.ts';
import type { TransactionStep } from '../db/transact.ts';
import { moveCreditStep, putCreditEntryStep } from './repository.ts';
import { type CreditEntryKind, entryId, type LedgerEntry, type Movement, spendingCreditKinds } from './schema.ts';

export interface CreditMovement extends Movement<CreditEntryKind> {
  contactId: string;
  currency: string;
  /** The document the money came from or went to. */
  docId?: string;
  documentNumber?: string;
}

/**
 * The steps that move a contact's credit: one entry per movement, and one
 * update of each credit it touches by the sum of its entries (a transaction
 * updates an item once). Movements with the same entry id (the same kind,
 * source and document: money of one refund leaving a retainer's credit and the
 * credit its overpayment made) are one entry of their sum, since a transaction
 * writes an item once too. Commit them with the change that caused them.
 */
export function creditSteps(orgId: string, movements: readonly CreditMovement[], today: string): TransactionStep[] {
  const at = clock.iso();
  const entries = new Map<string, LedgerEntry<CreditEntryKind>>();
  const sums = new Map<string, { contactId: string; currency: string; amount: number; spending: boolean }>();
  for (const movement of movements) {
    const { contactId, currency, docId, documentNumber, date, ...rest } = movement;
    const id = entryId(movement, docId);
    const same = entries.get(id);
    const number = documentNumber ?? same?.documentNumber;
    entries.set(id, {
      ...rest,
      id,
      orgId,
      contactId,
      currency,
      account: 'credit',
      ...(docId && { docId }),
      ...(number && { documentNumber: number }),
      date: same?.date ?? date ?? today,
      at,
      amount: (same?.amount ?? 0) + movement.amount,
    });
    const key = `${contactId}#${currency}`;
    const sum = sums.get(key) ?? { contactId, currency, amount: 0, spending: false };
    sums.set(key, { ...sum, amount: sum.amount + movement.amount, spending: sum.spending || spendingCreditKinds.includes(movement.kind) });
  }
  const steps = [...entries.values()].map((entry) => putCreditEntryStep(entry));
  const updates = [...sums.values()]
    .filter((sum) => sum.amount !== 0)
    .map((sum) => moveCreditStep(orgId, sum.contactId, sum.currency, sum.amount, sum.spending));
  return [...steps, ...updates];
}
