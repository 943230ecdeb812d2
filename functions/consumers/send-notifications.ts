import type { DynamoDBBatchResponse } from 'aws-lambda';

/** Placeholder until the consumer lane's handler lands: acknowledges every record. */
export const handler = async (): Promise<DynamoDBBatchResponse> => ({ batchItemFailures: [] });
