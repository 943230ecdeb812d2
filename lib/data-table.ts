import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { tableDefinition } from '../functions/core/db/table-definition.ts';

export interface DataTableProps {
  deletionProtection: boolean;
}

/** The single table, from the shared definition: on-demand, point-in-time recovery, TTL, a stream for the consumers. */
export function createDataTable(scope: Construct, props: DataTableProps): TableV2 {
  const stringKey = (name: string) => ({ name, type: AttributeType.STRING });
  return new TableV2(scope, 'Data', {
    partitionKey: stringKey(tableDefinition.partitionKey),
    sortKey: stringKey(tableDefinition.sortKey),
    billing: Billing.onDemand(),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: props.deletionProtection,
    removalPolicy: props.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
    dynamoStream: StreamViewType[tableDefinition.stream],
    globalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => ({
      indexName: index.indexName,
      partitionKey: stringKey(index.partitionKey),
      sortKey: stringKey(index.sortKey),
    })),
  });
}
