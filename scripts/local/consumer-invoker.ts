import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { ConsumerSpec } from '../../functions/core/consumers.ts';
import { lambdaContext, loadHandler } from './handler-loader.ts';

type ConsumerHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | void>;

/** One invocation of a consumer, as the event source mapping makes it: a thrown error is a function error. */
export async function invokeConsumer(spec: ConsumerSpec, event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse | void> {
  const handler = await loadHandler<ConsumerHandler>(spec.entry);
  return handler(event, lambdaContext(spec.entry));
}
