import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { Conflict, type DomainError } from '../errors.ts';
import { db } from './client.ts';

type WriteItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface TransactionStep {
  write: WriteItem;
  /** The domain error when this step's condition does not hold. */
  onConditionFailed?: () => DomainError;
}

const MAX_ATTEMPTS = 6;

/**
 * Writes all steps or none. A failed condition becomes that step's domain error;
 * a conflict with a concurrent transaction is retried with jitter, because the
 * losing writer must see the winner's result (e.g. PORTAL_NAME_TAKEN), not a
 * spurious failure.
 */
export async function transact(steps: TransactionStep[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems: steps.map((step) => step.write) }));
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failedIndex = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
      if (failedIndex >= 0) {
        throw steps[failedIndex]?.onConditionFailed?.() ?? new Conflict('CONDITION_FAILED', 'The change conflicts with the current state.');
      }
      const conflicted = reasons.some((reason) => reason.Code === 'TransactionConflict');
      if (!conflicted || attempt >= MAX_ATTEMPTS) {
        throw new Conflict('CONCURRENT_MODIFICATION', 'Another request changed the same data; try again.');
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
    }
  }
}

/** True when a single-item write failed its condition. */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
