import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../db/client.ts';
import { keys } from '../db/keys.ts';
import { isConditionFailure, type TransactionStep } from '../db/transact.ts';

export interface IdempotencyRecord {
  /** `pending` while the first request runs; `done` with its response after. */
  state: 'pending' | 'done';
  requestHash: string;
  response?: unknown;
  expiresAt: number;
  /** Epoch ms: a pending record past this is a request that died; its key may be claimed again. */
  inProgressExpiry?: number;
}

/** What happened to the request that first used this key? */
export async function getIdempotencyRecord(orgId: string, scope: string, key: string): Promise<IdempotencyRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.idempotency(orgId, scope, key) }));
  return Item as IdempotencyRecord | undefined;
}

/** Claims a key for a request about to run (or one whose first request died in progress); false when another request holds it. */
export async function claimIdempotencyKey(
  orgId: string,
  scope: string,
  key: string,
  claim: { requestHash: string; expiresAt: number; inProgressExpiry: number; now: number },
): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...keys.idempotency(orgId, scope, key),
          type: 'idempotency',
          state: 'pending',
          requestHash: claim.requestHash,
          expiresAt: claim.expiresAt,
          inProgressExpiry: claim.inProgressExpiry,
        },
        ConditionExpression: 'attribute_not_exists(PK) OR (#state = :pending AND inProgressExpiry < :now)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':pending': 'pending', ':now': claim.now },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Lets a key go again after its request failed, so a corrected retry can use it. */
export async function releaseIdempotencyKey(orgId: string, scope: string, key: string): Promise<void> {
  await db()
    .send(
      new DeleteCommand({
        TableName: tableName(),
        Key: keys.idempotency(orgId, scope, key),
        ConditionExpression: '#state = :pending',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':pending': 'pending' },
      }),
    )
    .catch((error) => {
      if (!isConditionFailure(error)) throw error;
    });
}

/** Stores the response with the write it describes (a step of that write's transaction). */
export function completeIdempotencyStep(orgId: string, scope: string, key: string, response: unknown): TransactionStep {
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: keys.idempotency(orgId, scope, key),
        UpdateExpression: 'SET #state = :done, #response = :response',
        ConditionExpression: '#state = :pending',
        ExpressionAttributeNames: { '#state': 'state', '#response': 'response' },
        ExpressionAttributeValues: { ':done': 'done', ':pending': 'pending', ':response': response },
      },
    },
  };
}
