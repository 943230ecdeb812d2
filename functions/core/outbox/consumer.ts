import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { ConsumerName, consumers } from '../consumers.ts';
import { log, withLogContext } from '../log.ts';
import { withMetrics } from '../metrics.ts';
import type { OutboxEvent, OutboxEventType } from './events.ts';
import { readOutboxEvent, UnreadableEvent } from './record.ts';

/** What a consumer does for each event type the consumer table feeds it. */
export type EffectsOf<N extends ConsumerName> = { [K in (typeof consumers)[N]['events'][number]]: (event: OutboxEvent<K>) => Promise<void> };

/**
 * A stream consumer's handler. Records are handled one by one, in stream
 * order; only the failed ones are reported (`batchItemFailures`), so Lambda
 * retries from the first failure and never drops a record silently.
 */
export function outboxConsumer<N extends ConsumerName>(name: N, effects: EffectsOf<N>) {
  const handleRecord = async (record: DynamoDBRecord) => {
    let fields: Record<string, string | undefined> = { sequenceNumber: record.dynamodb?.SequenceNumber };
    try {
      const event = readOutboxEvent(record);
      fields = { ...fields, eventId: event.id, eventType: event.eventType, orgId: event.orgId };
      const effect = (effects as Partial<Record<OutboxEventType, (event: OutboxEvent) => Promise<void>>>)[event.eventType];
      if (!effect) throw new UnreadableEvent(`No effect for ${event.eventType}.`);
      await effect(event);
      log.info('event handled', fields);
    } catch (error) {
      log.error('event failed', fields, error);
      throw error;
    }
  };
  return (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> =>
    withLogContext(() => {
      log.bind({ requestId: context.awsRequestId, consumer: name });
      // A processor per invocation: it holds the batch's records and failures. A batch that failed
      // whole is reported like any other, not thrown: a thrown error's log would carry the records' errors.
      return withMetrics(() =>
        processPartialResponse(event, handleRecord, new BatchProcessor(EventType.DynamoDBStreams), {
          context,
          processInParallel: false,
          throwOnFullBatchFailure: false,
        }),
      );
    });
}
