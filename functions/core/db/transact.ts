import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { Conflict, type DomainError, UpstreamUnavailable } from '../errors.ts';
import { retrying } from '../retry.ts';
import { db } from './client.ts';

type WriteItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface TransactionStep {
  write: WriteItem;
  /** The domain error when this step's condition does not hold. */
  onConditionFailed?: () => DomainError;
}

/** A transaction that lost to another, or was throttled: worth another attempt after a wait. */
class Contended extends Error {
  constructor(readonly reason: 'conflict' | 'throttled') {
    super(`transaction ${reason}`);
  }
}

/**
 * Writes all steps or none. A failed condition becomes that step's domain error;
 * a conflict with a concurrent transaction or throttling is retried with
 * backoff and jitter, because the losing writer must see the winner's result
 * (e.g. PORTAL_NAME_TAKEN), not a spurious failure. Any other cancellation
 * (a validation error) is a fault of Portico's and is thrown as it is.
 */
export async function transact(steps: TransactionStep[]): Promise<void> {
  try {
    await retrying(() => attemptTransaction(steps), { retryOn: (error) => error instanceof Contended, attempts: 6 });
  } catch (error) {
    if (!(error instanceof Contended)) throw error;
    if (error.reason === 'throttled') throw new UpstreamUnavailable('The database');
    throw new Conflict('CONCURRENT_MODIFICATION', 'Another request changed the same data; try again.');
  }
}

async function attemptTransaction(steps: TransactionStep[]): Promise<void> {
  try {
    await db().send(new TransactWriteCommand({ TransactItems: steps.map((step) => step.write) }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    const failedIndex = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
    if (failedIndex >= 0) {
      throw steps[failedIndex]?.onConditionFailed?.() ?? new Conflict('CONDITION_FAILED', 'The change conflicts with the current state.');
    }
    if (reasons.some((reason) => reason.Code === 'TransactionConflict')) throw new Contended('conflict');
    if (reasons.some((reason) => reason.Code === 'ThrottlingError' || reason.Code === 'ProvisionedThroughputExceeded')) throw new Contended('throttled');
    throw error;
  }
}

/** True when a single-item write failed its condition. */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
