import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { clock } from '../clock.ts';
import { db, tableName } from '../db/client.ts';
import type { Key } from '../db/keys.ts';
import { isConditionFailure } from '../db/transact.ts';
import { EFFECT_LEASE_SECONDS } from './effect-repository.ts';
import { OUTBOX_TTL_SECONDS } from './repository.ts';

/** `run`: run it now, as attempt `attempt`; `settled`: done or dead-lettered already; `held`: another delivery runs it. */
export type RunClaim = { state: 'run'; attempt: number } | { state: 'settled' } | { state: 'held' };

/** Claims an effect's run for an event: a new one, a failed one, or a pending one whose claimant's lease lapsed. */
export async function claimRun(key: Key): Promise<RunClaim> {
  const now = clock.epochSeconds();
  try {
    const { Attributes } = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET #type = :type, #status = :pending, claimedAt = :now, expiresAt = :expires ADD attempts :one',
        ConditionExpression: 'attribute_not_exists(PK) OR #status = :failed OR (#status = :pending AND claimedAt < :lapsed)',
        ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
        ExpressionAttributeValues: {
          ':type': 'effect-run',
          ':pending': 'pending',
          ':failed': 'failed',
          ':now': now,
          ':lapsed': now - EFFECT_LEASE_SECONDS,
          ':expires': now + OUTBOX_TTL_SECONDS,
          ':one': 1,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { state: 'run', attempt: Attributes?.attempts as number };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
    return Item?.status === 'pending' ? { state: 'held' } : { state: 'settled' };
  }
}

/** Settles a run: `done` after it ran, `failed` so the next delivery runs it again, `dead-lettered` once it went to its queue. */
export async function settleRun(key: Key, status: 'done' | 'failed' | 'dead-lettered'): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: key,
      UpdateExpression: 'SET #status = :status, settledAt = :now',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': status, ':now': clock.epochSeconds() },
    }),
  );
}

/** For tests and operators: a run's state. */
export async function readRun(key: Key): Promise<{ status: string; attempts: number } | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return Item && { status: Item.status as string, attempts: Item.attempts as number };
}
