import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.ts';
import type { Key } from './keys.ts';

const MAX_REQUESTS = 25;

export type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Key } };

/**
 * Puts and deletes items without conditions, 25 to a request, retrying what
 * DynamoDB left unprocessed: for bulk work outside any one user's request
 * (seeding, an operator's rebuild), never for a domain change.
 */
export async function batchWrite(requests: readonly WriteRequest[]): Promise<void> {
  for (let start = 0; start < requests.length; start += MAX_REQUESTS) {
    let pending: WriteRequest[] = requests.slice(start, start + MAX_REQUESTS);
    while (pending.length > 0) {
      const { UnprocessedItems } = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
      pending = (UnprocessedItems?.[tableName()] as WriteRequest[] | undefined) ?? [];
    }
  }
}
