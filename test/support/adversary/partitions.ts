import { createHash } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../../functions/core/db/keys.ts';
import { local } from '../local.ts';
import type { Tenant } from './world.ts';

let client: DynamoDBDocumentClient | undefined;
const documents = () => (client ??= DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: local().dynamodb.endpoint, region: 'us-east-1' })));

async function partitionHash(pk: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const page of paginateQuery(
    { client: documents() },
    { TableName: local().dynamodb.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true },
  )) {
    for (const item of page.Items ?? []) hash.update(JSON.stringify(item));
  }
  return hash.digest('hex');
}

/** A cheap fingerprint of a tenant: its organization's partition and the given documents' partitions, read consistently. */
export async function tenantFingerprint(tenant: Tenant, docIds: string[]): Promise<string> {
  const partitions = [keys.organization(tenant.orgId).PK, ...docIds.map((docId) => keys.document(tenant.orgId, docId).PK)];
  return (await Promise.all(partitions.map(partitionHash))).join();
}
