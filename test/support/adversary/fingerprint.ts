import { createHash } from 'node:crypto';
import { DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { local } from '../local.ts';

/**
 * Every item that belongs to one of the given owners, as a sorted list of
 * `PK|SK → hash of the item`. A test may Scan DynamoDB Local; the product never
 * scans. Outbox events and their effect markers are left out: the consumer lane
 * writes those on its own time. So are attempt counters: anyone may make an
 * attempt at a portal's sign-in routes, and counting it is the throttle's job.
 */
export async function fingerprint(belongs: (item: Record<string, unknown>, text: string) => boolean): Promise<string[]> {
  const { endpoint, tableName } = local().dynamodb;
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1' });
  const entries: string[] = [];
  for await (const page of paginateScan({ client }, { TableName: tableName })) {
    for (const raw of page.Items ?? []) {
      const item = unmarshall(raw);
      const text = JSON.stringify(item, sortedKeys);
      if (String(item.PK).includes('#EVENT#') || item.type === 'attempts' || !belongs(item, text)) continue;
      entries.push(`${item.PK}|${item.SK} ${createHash('sha256').update(text).digest('hex').slice(0, 16)}`);
    }
  }
  client.destroy();
  return entries.sort();
}

function sortedKeys(_key: string, value: unknown) {
  if (value && typeof value === 'object' && !Array.isArray(value)) return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
  return value;
}
