import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.ts';
import type { Key } from './keys.ts';

const MAX_KEYS_PER_REQUEST = 100;
const keyOf = (key: Key) => `${key.PK}\u0000${key.SK}`;

/**
 * Reads many items in as few round trips as DynamoDB allows, retrying what it
 * left unprocessed. Returns the found items in the order of `keys`, undefined where absent;
 * `consistent` reads what every write acknowledged before it.
 */
export async function batchGet(keys: Key[], consistent = false): Promise<(Record<string, unknown> | undefined)[]> {
  const found = new Map<string, Record<string, unknown>>();
  for (let start = 0; start < keys.length; start += MAX_KEYS_PER_REQUEST) {
    let pending: Record<string, unknown>[] | undefined = keys.slice(start, start + MAX_KEYS_PER_REQUEST);
    while (pending && pending.length > 0) {
      const page: BatchGetCommandOutput = await db().send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ...(consistent ? { ConsistentRead: true } : {}) } } }),
      );
      for (const item of page.Responses?.[tableName()] ?? []) found.set(keyOf(item as Key), item);
      pending = page.UnprocessedKeys?.[tableName()]?.Keys;
    }
  }
  return keys.map((key) => found.get(keyOf(key)));
}
