import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config, region } from '../config.ts';

let documentClient: DynamoDBDocumentClient | undefined;

/**
 * One client per container, created on first use so cold starts of handlers without DynamoDB stay light.
 * The section is read on every call: locally the process (and its client) is shared, the need is not.
 */
export function db(): DynamoDBDocumentClient {
  const { DYNAMODB_ENDPOINT } = config('table');
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({ region: region(), endpoint: DYNAMODB_ENDPOINT }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documentClient;
}

export const tableName = () => config('table').TABLE_NAME;
