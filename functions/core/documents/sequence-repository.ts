import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../db/client.ts';
import { keys } from '../db/keys.ts';
import type { TransactionStep } from '../db/transact.ts';
import { isConditionFailure } from '../db/transact.ts';
import { Conflict } from '../errors.ts';
import type { DocumentKind } from './kinds.ts';

/**
 * Takes the next number of a kind: one atomic increment, so concurrent creates
 * never retry against each other. Callers take it only after everything else
 * about the request is known to be valid.
 */
export async function takeNextSequence(orgId: string, kind: DocumentKind): Promise<number> {
  const { Attributes } = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.sequence(orgId, kind),
      UpdateExpression: 'SET #type = :type ADD #value :one',
      ExpressionAttributeNames: { '#type': 'type', '#value': 'value' },
      ExpressionAttributeValues: { ':type': 'sequence', ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes?.value);
}

/** Gives a number back when it is still the last one taken; false when a later one exists. */
export async function returnSequence(orgId: string, kind: DocumentKind, sequence: number): Promise<boolean> {
  try {
    await db().send(new UpdateCommand(returnSequenceUpdate(orgId, kind, sequence)));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Giving the number of a deleted draft back, in the deletion's transaction: only the last number can be. */
export function returnSequenceStep(orgId: string, kind: DocumentKind, sequence: number): TransactionStep {
  return {
    write: { Update: returnSequenceUpdate(orgId, kind, sequence) },
    onConditionFailed: () =>
      new Conflict('NOT_LATEST_NUMBER', 'Only the most recently numbered draft can be deleted; void this one so the sequence stays unbroken.'),
  };
}

function returnSequenceUpdate(orgId: string, kind: DocumentKind, sequence: number) {
  return {
    TableName: tableName(),
    Key: keys.sequence(orgId, kind),
    UpdateExpression: 'SET #value = :previous',
    ConditionExpression: '#value = :sequence',
    ExpressionAttributeNames: { '#value': 'value' },
    ExpressionAttributeValues: { ':previous': sequence - 1, ':sequence': sequence },
  };
}
