import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../../functions/core/db/table-definition.ts';
import { localClientConfig } from './aws-local.ts';

const streamSpecification = { StreamEnabled: true, StreamViewType: tableDefinition.stream };

/**
 * Creates the table, with its stream, from the same definition the stack
 * deploys; an existing one (kept state) is left as is, but for a stream it
 * did not have yet. Answers whether it was created, and its stream.
 */
export async function ensureTable(endpoint: string, tableName: string): Promise<{ created: boolean; streamArn: string }> {
  const dynamodb = new DynamoDBClient(localClientConfig(endpoint));
  const keyAttributes = [
    tableDefinition.partitionKey,
    tableDefinition.sortKey,
    ...tableDefinition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  try {
    const { TableDescription } = await dynamodb.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        StreamSpecification: streamSpecification,
      }),
    );
    await dynamodb.send(
      new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true } }),
    );
    return { created: true, streamArn: TableDescription!.LatestStreamArn! };
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.StreamSpecification?.StreamEnabled) return { created: false, streamArn: Table.LatestStreamArn! };
    const { TableDescription } = await dynamodb.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: streamSpecification }));
    return { created: false, streamArn: TableDescription!.LatestStreamArn! };
  } finally {
    dynamodb.destroy();
  }
}
