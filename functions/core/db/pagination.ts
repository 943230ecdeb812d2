import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { BadRequest } from '../errors.ts';
import { db } from './client.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Enough round trips to fill a filtered page in practice, bounded so one request stays cheap. */
const MAX_ROUND_TRIPS = 8;
const KEY_ATTRIBUTE = /^(PK|SK|GSI\dPK|GSI\dSK)$/;

/**
 * One page of a Query. With a filter DynamoDB may evaluate more items than it
 * returns, so the page is topped up from where the last call stopped, asking
 * each time only for the items still missing: the cursor then points exactly
 * after the last item returned. A cursor is only ever accepted for the
 * partition it came from (`partition`), so it cannot reach another tenant's items.
 */
export async function queryPage(input: QueryCommandInput, options: { limit: number; cursor?: string; partition: Record<string, string> }): Promise<Page<Record<string, unknown>>> {
  const items: Record<string, unknown>[] = [];
  let startKey = options.cursor === undefined ? undefined : decodeCursor(options.cursor, options.partition);
  for (let trip = 0; trip < MAX_ROUND_TRIPS; trip++) {
    const page = await db().send(new QueryCommand({ ...input, Limit: options.limit - items.length, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
    if (!startKey || items.length >= options.limit) break;
  }
  return { items, nextCursor: startKey ? encodeCursor(startKey) : null };
}

/** Every item of a Query, page after page: for collections a request needs whole (a contact's documents for a statement). */
export async function queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string, partition: Record<string, string>): Record<string, string> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid =
    typeof key === 'object' &&
    key !== null &&
    Object.entries(key).every(([name, value]) => KEY_ATTRIBUTE.test(name) && typeof value === 'string') &&
    Object.entries(partition).every(([name, value]) => (key as Record<string, unknown>)[name] === value);
  if (!valid) throw new BadRequest('INVALID_CURSOR', 'The cursor is not one this list returned.');
  return key as Record<string, string>;
}
