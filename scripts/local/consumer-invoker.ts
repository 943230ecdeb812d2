import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { ConsumerSpec } from '../../functions/core/consumers.ts';
import type { InvokeWithEnvironment } from './function-environment.ts';
import { lambdaContext, loadHandler } from './handler-loader.ts';

type ConsumerHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | undefined>;

/** One invocation of a consumer, as the event source mapping makes it: a thrown error is a function error. */
export async function invokeConsumer(
  spec: ConsumerSpec,
  event: DynamoDBStreamEvent,
  invokeWithEnvironment: InvokeWithEnvironment,
): Promise<DynamoDBBatchResponse | undefined> {
  const handler = await loadHandler<ConsumerHandler>(spec.entry);
  return invokeWithEnvironment(spec.needs, () => handler(event, lambdaContext(spec.entry)));
}
