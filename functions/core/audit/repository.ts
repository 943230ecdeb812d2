import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import { type Page, queryPage } from '../db/pages.ts';
import type { TransactionStep } from '../db/transact.ts';
import { Conflict } from '../errors.ts';
import { type ChainHead, EMPTY_HEAD } from './chain.ts';
import type { AuditEntry } from './entry.ts';

/** The head moved between reading it and committing: another change took the next `seq`. Retried; a 409 only once the retries run out. */
export class HeadMoved extends Conflict {
  constructor() {
    super('CONCURRENT_MODIFICATION', 'Too many changes to this organization at once; try again.');
  }
}

/** Where the organization's trail stands (strongly consistent: the next entry is chained onto it). */
export async function getHead(orgId: string): Promise<ChainHead> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.auditHead(orgId), ConsistentRead: true }));
  return Item ? { seq: Item.seq as number, hash: Item.hash as string } : EMPTY_HEAD;
}

/** Appends an entry: a `seq` is written once (taken already, the head moved on). */
export function putEntryStep(orgId: string, entry: AuditEntry): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.auditEntry(orgId, entry.seq), type: 'auditEntry', ...entry },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    onConditionFailed: () => new HeadMoved(),
  };
}

/**
 * Moves the head from `read` to `next`, only if it is still at `read`: of two
 * changes chained onto the same head one commits, the other reads it again.
 */
export function moveHeadStep(orgId: string, read: ChainHead, next: ChainHead): TransactionStep {
  const Item = { ...keys.auditHead(orgId), type: 'auditHead', seq: next.seq, hash: next.hash };
  const condition =
    read.seq === 0
      ? { ConditionExpression: 'attribute_not_exists(PK)' }
      : { ConditionExpression: 'seq = :read', ExpressionAttributeValues: { ':read': read.seq } };
  return { write: { Put: { TableName: tableName(), Item, ...condition } }, onConditionFailed: () => new HeadMoved() };
}

/** One page of the trail, newest first. */
export async function listEntries(orgId: string, limit: number, cursor: string | undefined): Promise<Page<AuditEntry>> {
  const page = await queryPage(keys.auditEntryPrefix(orgId), limit, cursor, 'descending');
  return { items: page.items.map((item) => withoutKeys<AuditEntry>(item)), nextCursor: page.nextCursor };
}

/**
 * Entries from `fromSeq` on, oldest first, as DynamoDB pages them (up to 1 MB,
 * about 2,500 entries, a round trip), up to `toSeq` or `limit` entries.
 */
export async function* entriesFrom(orgId: string, fromSeq: number, toSeq: number, limit = Number.POSITIVE_INFINITY): AsyncGenerator<AuditEntry[]> {
  const prefix = keys.auditEntryPrefix(orgId);
  let startKey: Record<string, unknown> | undefined;
  let remaining = limit;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': prefix.PK, ':from': keys.auditEntry(orgId, fromSeq).SK, ':to': keys.auditEntry(orgId, toSeq).SK },
        ConsistentRead: true,
        ...(Number.isFinite(remaining) ? { Limit: remaining } : {}),
        ExclusiveStartKey: startKey,
      }),
    );
    const entries = (page.Items ?? []).map((item) => withoutKeys<AuditEntry>(item));
    remaining -= entries.length;
    if (entries.length > 0) yield entries;
    startKey = page.LastEvaluatedKey;
  } while (startKey && remaining > 0);
}
