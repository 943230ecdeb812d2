import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config, region } from '../config.ts';

let documentClient: DynamoDBDocumentClient | undefined;

/** One client per container, created on first use so cold starts of handlers without DynamoDB stay light. */
export function db(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(
    new DynamoDBClient({ region: region(), endpoint: config('table').DYNAMODB_ENDPOINT }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  return documentClient;
}

export const tableName = () => config('table').TABLE_NAME;
