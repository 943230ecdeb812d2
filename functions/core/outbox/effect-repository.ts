import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { clock } from '../clock.ts';
import { db, tableName } from '../db/client.ts';
import type { Key } from '../db/keys.ts';
import { isConditionFailure } from '../db/transact.ts';
import { OUTBOX_TTL_SECONDS } from './repository.ts';

/** How long a claim belongs to the delivery that made it. Longer than a consumer may run (its timeout), so a live claimant is never overtaken. */
export const EFFECT_LEASE_SECONDS = 60;

/** `claimed`: run it now; `done`: it already ran; `held`: another delivery claimed it within the lease. */
export type Claim = 'claimed' | 'done' | 'held';

/** Claims an effect marker before the effect runs: a new one, or a pending one whose claimant's lease has lapsed (it crashed mid-effect). */
export async function claimEffect(key: Key): Promise<Claim> {
  const now = clock.epochSeconds();
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...key, type: 'effect', status: 'pending', claimedAt: now, expiresAt: now + OUTBOX_TTL_SECONDS },
        ConditionExpression: 'attribute_not_exists(PK) OR (#status = :pending AND claimedAt < :lapsed)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending', ':lapsed': now - EFFECT_LEASE_SECONDS },
      }),
    );
    return 'claimed';
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
    return Item?.status === 'done' ? 'done' : 'held';
  }
}

/** Marks a claimed effect done: every later delivery of the event skips it. */
export async function completeEffect(key: Key): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: key,
      UpdateExpression: 'SET #status = :done, doneAt = :now',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':done': 'done', ':now': clock.epochSeconds() },
    }),
  );
}

/** Gives up a claim after the effect failed, so the retry runs it at once instead of waiting out the lease. */
export async function releaseEffect(key: Key): Promise<void> {
  await db().send(
    new DeleteCommand({
      TableName: tableName(),
      Key: key,
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pending': 'pending' },
    }),
  );
}
