import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

/** The floor a function's cold start is compared with: one DynamoDB client, one item read. */
export const handler = async () => {
  const client = new DynamoDBClient({ region: process.env.AWS_REGION, endpoint: process.env.DYNAMODB_ENDPOINT });
  const { Item } = await client.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { PK: { S: 'HELLO' }, SK: { S: 'HELLO' } } }));
  return { statusCode: 200, body: JSON.stringify(Item ?? null) };
};
