import { QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { BadRequest } from '../errors.ts';
import { db, tableName } from './client.ts';
import type { Key, KeyPrefix } from './keys.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const KEY_ATTRIBUTE = /^(PK|SK|GSI\dPK|GSI\dSK)$/;

/** The opaque cursor of a page: the key attributes of the last item DynamoDB evaluated, base64url-encoded. */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | null {
  if (!lastKey) return null;
  const key = Object.fromEntries(Object.entries(lastKey).filter(([name]) => KEY_ATTRIBUTE.test(name)));
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** What a cursor decodes to, or undefined when it is not even base64url JSON. */
function parseCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The start key a cursor stands for. A cursor is client input: it must decode
 * to a key inside the partition and prefix being listed, so a cursor forged
 * or taken from another organization can never move the query elsewhere.
 */
export function decodeCursor(cursor: string | undefined, range: KeyPrefix): Key | undefined {
  if (cursor === undefined) return undefined;
  const { PK, SK } = (parseCursor(cursor) ?? {}) as Partial<Key>;
  if (PK !== range.PK || typeof SK !== 'string' || !SK.startsWith(range.SKPrefix)) {
    throw new BadRequest('INVALID_CURSOR', 'The cursor is not one this list returned.');
  }
  return { PK, SK };
}

/**
 * One page of the items whose sort key starts with the prefix, in sort-key
 * order. One item more than the page is read, so `nextCursor` is null exactly
 * when nothing follows (DynamoDB alone would hand out a cursor to an empty page).
 */
export async function queryPage(
  range: KeyPrefix,
  limit: number,
  cursor: string | undefined,
  order: 'ascending' | 'descending' = 'ascending',
): Promise<Page<Record<string, unknown>>> {
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': range.PK, ':prefix': range.SKPrefix },
      Limit: limit + 1,
      ScanIndexForward: order === 'ascending',
      ExclusiveStartKey: decodeCursor(cursor, range),
    }),
  );
  const items = Items.slice(0, limit);
  return { items, nextCursor: Items.length > limit ? encodeCursor({ PK: items.at(-1)?.PK, SK: items.at(-1)?.SK }) : null };
}

/** Every page of a query, for the few lists that are read whole (counts, bulk re-invitations). */
export async function* allPages(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): AsyncGenerator<QueryCommandOutput> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({ ...input, TableName: tableName(), ExclusiveStartKey }));
    yield page;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}

/** Every item of a query, for collections a request needs whole (a document with its thread, a contact's statement). */
export async function allItems(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of allPages(input)) items.push(...(page.Items ?? []));
  return items;
}

/** Enough round trips to fill a filtered page in practice, bounded so one request stays cheap. */
const MAX_ROUND_TRIPS = 8;

/**
 * One page of a secondary-index partition, optionally filtered. A filter may
 * leave DynamoDB's page short, so it is topped up from where the last call
 * stopped, asking each time only for the items still missing: the cursor then
 * points just after the last item returned. As with `decodeCursor`, a cursor
 * is accepted only for the partition it came from.
 */
export async function queryIndexPage(
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>,
  options: { limit: number; cursor?: string; partition: Record<string, string> },
): Promise<Page<Record<string, unknown>>> {
  const items: Record<string, unknown>[] = [];
  let startKey = options.cursor === undefined ? undefined : decodeIndexCursor(options.cursor, options.partition);
  for (let trip = 0; trip < MAX_ROUND_TRIPS; trip++) {
    const page = await db().send(new QueryCommand({ ...input, TableName: tableName(), Limit: options.limit - items.length, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
    if (!startKey || items.length >= options.limit) break;
  }
  return { items, nextCursor: encodeCursor(startKey) };
}

/**
 * An index's start key is exactly four non-empty strings: the table's key and
 * the index's. Anything else (a missing sort key, a foreign index's attribute)
 * DynamoDB would refuse as a fault of ours, so it is the caller's 400 here.
 */
function decodeIndexCursor(cursor: string, partition: Record<string, string>): Record<string, string> {
  const key = parseCursor(cursor);
  const [indexKey] = Object.keys(partition) as [string];
  const expected = ['PK', 'SK', indexKey, indexKey.replace(/PK$/, 'SK')].sort();
  const valid =
    typeof key === 'object' &&
    key !== null &&
    !Array.isArray(key) &&
    JSON.stringify(Object.keys(key).sort()) === JSON.stringify(expected) &&
    Object.values(key).every((value) => typeof value === 'string' && value !== '') &&
    Object.entries(partition).every(([name, value]) => (key as Record<string, unknown>)[name] === value);
  if (!valid) throw new BadRequest('INVALID_CURSOR', 'The cursor is not one this list returned.');
  return key as Record<string, string>;
}

/** Every item of one index partition (`{ GSInPK: value }`), or of its sort keys that start with `prefix`. */
export async function allInIndexPartition(index: string, partition: Record<string, string>, prefix?: string): Promise<Record<string, unknown>[]> {
  const [[attribute, value]] = Object.entries(partition) as [[string, string]];
  const sortKey = attribute.replace(/PK$/, 'SK');
  return allItems({
    IndexName: index,
    KeyConditionExpression: prefix === undefined ? '#pk = :pk' : '#pk = :pk AND begins_with(#sk, :prefix)',
    ExpressionAttributeNames: { '#pk': attribute, ...(prefix === undefined ? {} : { '#sk': sortKey }) },
    ExpressionAttributeValues: { ':pk': value, ...(prefix === undefined ? {} : { ':prefix': prefix }) },
  });
}

/** Every item of a partition whose sort key starts with a prefix. */
export async function allWithPrefix(range: KeyPrefix): Promise<Record<string, unknown>[]> {
  return allItems({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': range.PK, ':prefix': range.SKPrefix },
  });
}
