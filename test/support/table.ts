import { createHash } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { type Key, keys } from '../../functions/core/db/keys.ts';
import { local } from './local.ts';

const documents = () => {
  const { endpoint, tableName } = local().dynamodb;
  return { client: DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region: 'us-east-1' })), tableName };
};

/** Moves an invitation's expiry into the past, as if its seven days had passed. */
export async function expireInvitation(orgId: string, token: string): Promise<void> {
  const { client, tableName } = documents();
  const tokenHash = createHash('sha256').update(token).digest('hex');
  await client.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.invitation(orgId, tokenHash),
      UpdateExpression: 'SET expiresAt = :past',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 1 },
    }),
  );
  client.destroy();
}

/**
 * Sets fields of a stored document directly, as a later feature (a Stripe id,
 * an audit hash) would: keys are paths such as `lines[0].costPrice`, inside the
 * document's JSON.
 */
export async function setDocumentAttributes(orgId: string, docId: string, values: Record<string, unknown>): Promise<void> {
  const { client, tableName } = documents();
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: keys.document(orgId, docId), ConsistentRead: true }));
  const document = JSON.parse(Item!.documentJson);
  for (const [path, value] of Object.entries(values)) {
    const names = path.split(/[.[\]]+/).filter(Boolean);
    const parent = names.slice(0, -1).reduce((object, name) => object[name], document);
    parent[names.at(-1)!] = value;
  }
  await client.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...Item, documentJson: JSON.stringify(document) },
      ConditionExpression: 'documentJson = :read',
      ExpressionAttributeValues: { ':read': Item!.documentJson },
    }),
  );
  client.destroy();
}

/** Waits for the next whole second: grant times and token issue times are whole seconds. */
export const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));

/**
 * Runs a scenario (which starts its timed part at `nextSecond()`) until the times it reports — grant times, a
 * token's `iat` — all fall in one second, at most three runs: the case whole-second times cannot tell apart.
 */
export async function inOneSecond<T extends { times: number[] }>(scenario: () => Promise<T>): Promise<T> {
  for (let run = 1; ; run++) {
    const result = await scenario();
    const seconds = new Set(result.times);
    if (seconds.size === 1 || run === 3) {
      expect(
        result.times.every((time) => Number.isInteger(time)),
        String(result.times),
      ).toBe(true);
      expect(seconds.size, `times ${result.times} in one second`).toBe(1);
      return result;
    }
  }
}

/** A stored invitation, by the token of its link. */
export const invitationItem = (orgId: string, token: string) => getItem(keys.invitation(orgId, createHash('sha256').update(token).digest('hex')));

/** One stored item as it is (keys included), or undefined. */
export async function getItem(key: Key): Promise<Record<string, any> | undefined> {
  const { client, tableName } = documents();
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  client.destroy();
  return Item;
}

/** Sets top-level attributes of a stored item directly, as another writer (the Stripe webhook) would. */
export async function setItemAttributes(key: Key, values: Record<string, unknown>): Promise<void> {
  const { client, tableName } = documents();
  const fields = Object.keys(values);
  await client.send(
    new UpdateCommand({
      TableName: tableName,
      Key: key,
      UpdateExpression: `SET ${fields.map((_, index) => `#f${index} = :v${index}`).join(', ')}`,
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: Object.fromEntries(fields.map((field, index) => [`#f${index}`, field])),
      ExpressionAttributeValues: Object.fromEntries(Object.values(values).map((value, index) => [`:v${index}`, value])),
    }),
  );
  client.destroy();
}

/** Writes an item directly, as a counter another day's mail left would be. */
export async function putItem(key: Key, values: Record<string, unknown>): Promise<void> {
  const { client, tableName } = documents();
  await client.send(new PutCommand({ TableName: tableName, Item: { ...key, ...values } }));
  client.destroy();
}
