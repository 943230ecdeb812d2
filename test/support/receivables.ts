import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/core/db/keys.ts';
import type { as } from './api.ts';
import { local } from './local.ts';
import { waitFor } from './wait.ts';

type Api = ReturnType<typeof as>;

export interface LedgerRow {
  contactId: string;
  documentId: string;
  currency: string;
  bucket: string;
  balance: number;
  [field: string]: unknown;
}

/** Every row of the receivables ledger as of a date, read through its JSON pages. */
export async function ledgerRows(api: Api, orgId: string, asOf?: string, limit = 3): Promise<LedgerRow[]> {
  const rows: LedgerRow[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: String(limit), ...(asOf ? { asOf } : {}), ...(cursor ? { cursor } : {}) });
    const page: { status: number; body: { items: LedgerRow[]; nextCursor: string | null } } = await api.get(
      `/v1/orgs/${orgId}/reports/receivables-ledger?${query}`,
    );
    if (page.status !== 200) throw new Error(`reading the ledger failed: ${page.status} ${JSON.stringify(page.body)}`);
    rows.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return rows;
}

/** Sums of balances by a key of each row, keys sorted. */
export function sumBy(rows: readonly LedgerRow[], key: (row: LedgerRow) => string): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const row of rows) sums[key(row)] = (sums[key(row)] ?? 0) + row.balance;
  return Object.fromEntries(Object.entries(sums).sort(([a], [b]) => (a < b ? -1 : 1)));
}

type AgingBody = { asOf: string; contacts: { contactId: string; currency: string; total: number }[]; totals: { currency: string; total: number }[] };

/**
 * The aging report once the aggregates have caught up with the documents: as of today it reads what the consumer
 * lane adds up after each change, so it is awaited until its totals agree with the ledger (the positive signal).
 */
export async function settledAging(api: Api, orgId: string): Promise<{ aging: AgingBody; rows: LedgerRow[] }> {
  let seen: unknown;
  return waitFor(
    () => `the aging report to agree with the ledger (last seen ${JSON.stringify(seen)})`,
    async () => {
      const [aging, rows] = await Promise.all([api.get(`/v1/orgs/${orgId}/reports/receivables-aging`), ledgerRows(api, orgId, undefined, 100)]);
      const totals = Object.fromEntries((aging.body as AgingBody).totals.map((row) => [row.currency, row.total]));
      seen = { totals, ledger: sumBy(rows, (row) => row.currency) };
      return JSON.stringify(totals) === JSON.stringify(sumBy(rows, (row) => row.currency)) ? { aging: aging.body as AgingBody, rows } : undefined;
    },
    20_000,
  );
}

/** The organization's aggregate items and document shares as stored, by partition then sort key. */
export async function storedAggregates(orgId: string): Promise<{ aggregates: Record<string, unknown>[]; shares: Record<string, unknown>[] }> {
  const { endpoint, tableName } = local().dynamodb;
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region: 'us-east-1' }));
  const partition = async (PK: string) => {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': PK }, ExclusiveStartKey }),
      );
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  };
  const [aggregates, shares] = await Promise.all([partition(keys.receivablesAggregatesPrefix(orgId).PK), partition(keys.receivableSharesPrefix(orgId).PK)]);
  client.destroy();
  return { aggregates, shares };
}
