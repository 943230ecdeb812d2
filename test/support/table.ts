import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { keys } from '../../functions/core/db/keys.ts';
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

/** Waits for the next whole second: grant times and token issue times are whole seconds. */
export const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
