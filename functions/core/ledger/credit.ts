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
 * updates an item once). Commit them with the change that caused them.
 */
export function creditSteps(orgId: string, movements: readonly CreditMovement[], today: string): TransactionStep[] {
  const at = clock.iso();
  const sums = new Map<string, { contactId: string; currency: string; amount: number; spending: boolean }>();
  const steps = movements.map((movement) => {
    const { contactId, currency, docId, documentNumber, date, ...rest } = movement;
    const entry: LedgerEntry<CreditEntryKind> = {
      ...rest,
      id: entryId(movement, docId),
      orgId,
      contactId,
      currency,
      account: 'credit',
      ...(docId && { docId }),
      ...(documentNumber && { documentNumber }),
      date: date ?? today,
      at,
    };
    const key = `${contactId}#${currency}`;
    const sum = sums.get(key) ?? { contactId, currency, amount: 0, spending: false };
    sums.set(key, { ...sum, amount: sum.amount + movement.amount, spending: sum.spending || spendingCreditKinds.includes(movement.kind) });
    return putCreditEntryStep(entry);
  });
  const updates = [...sums.values()]
    .filter((sum) => sum.amount !== 0)
    .map((sum) => moveCreditStep(orgId, sum.contactId, sum.currency, sum.amount, sum.spending));
  return [...steps, ...updates];
}
