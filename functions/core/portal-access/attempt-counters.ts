import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../db/client.ts';
import type { Key } from '../db/keys.ts';
import { isConditionFailure } from '../db/transact.ts';

/**
 * Counts one attempt on a fixed-window counter in one atomic Update, unless the
 * window's limit is reached: false then, and nothing is written. The item
 * expires with its window (TTL), so counters never need cleaning up.
 */
export async function countAttempt(key: Key, limit: number, expiresAt: number): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'ADD attempts :one SET #type = :type, expiresAt = :expiresAt',
        ConditionExpression: 'attribute_not_exists(attempts) OR attempts < :limit',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':one': 1, ':type': 'attempts', ':expiresAt': expiresAt, ':limit': limit },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Gives back a slot `countAttempt` took (the attempt did not fail). */
export async function releaseAttempt(key: Key): Promise<void> {
  await db()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'ADD attempts :minusOne',
        ConditionExpression: 'attempts > :zero',
        ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
}
