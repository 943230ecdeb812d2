import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { type EffectName, type effects, effectsOf, streamDelivery } from '../consumers.ts';
import { keys } from '../db/keys.ts';
import { log, withLogContext } from '../log.ts';
import { withMetrics } from '../metrics-flush.ts';
import { sendToDeadLetters } from './dead-letters.ts';
import { claimRun, settleRun } from './effect-runs.ts';
import type { OutboxEvent, OutboxEventType } from './events.ts';
import { EffectInProgress } from './once.ts';
import { readOutboxEvent, UnreadableEvent } from './record.ts';

/** What an effect does for each event type the effect table gives it. */
export type EffectsOf<N extends EffectName> = { [K in (typeof effects)[N]['events'][number]]: (event: OutboxEvent<K>) => Promise<void> };

/** Every effect's handlers, as the dispatcher routes to them. */
export type EffectHandlers = { [N in EffectName]: EffectsOf<N> };

/** One or more effects of the record failed and will be retried; the others are settled and skipped on retry. */
export class EffectsFailed extends Error {
  override name = 'EffectsFailed';
}

/**
 * Runs one effect of an event unless it is settled: claim its run, run it,
 * settle it. A failed run is retried with the record; after the record's
 * retries it goes to the effect's own dead-letter queue and stops holding up
 * the stream (and the other effects, which settled long before).
 */
async function runEffect(event: OutboxEvent, name: EffectName, run: () => Promise<void>): Promise<'ran' | 'skipped' | 'failed' | 'dead-lettered'> {
  const key = keys.effectRun(event.orgId, event.id, name);
  const claim = await claimRun(key);
  if (claim.state === 'settled') return 'skipped';
  if (claim.state === 'held') throw new EffectInProgress(`${name} of ${event.id} is run by another delivery.`);
  try {
    await run();
  } catch (error) {
    const fields = { effect: name, eventId: event.id, eventType: event.eventType, orgId: event.orgId, attempt: claim.attempt };
    log.error('effect failed', fields, error);
    if (claim.attempt <= streamDelivery.retryAttempts) {
      await settleRun(key, 'failed');
      return 'failed';
    }
    await sendToDeadLetters({ effect: name, timestamp: new Date().toISOString(), attempts: claim.attempt, error: (error as Error).name, event });
    await settleRun(key, 'dead-lettered');
    return 'dead-lettered';
  }
  await settleRun(key, 'done');
  return 'ran';
}

/**
 * The stream's one reader: routes each outbox event to the effects the effect
 * table gives its type, in process, each once per event id. Records are
 * handled one by one, in stream order; only failed ones are reported
 * (`batchItemFailures`), so Lambda retries from the first failure.
 */
export function outboxDispatcher(handlers: EffectHandlers) {
  const handleRecord = async (record: DynamoDBRecord) => {
    let fields: Record<string, string | undefined> = { sequenceNumber: record.dynamodb?.SequenceNumber };
    try {
      const event = readOutboxEvent(record);
      fields = { ...fields, eventId: event.id, eventType: event.eventType, orgId: event.orgId };
      const names = effectsOf(event.eventType);
      if (names.length === 0) throw new UnreadableEvent(`No effect for ${event.eventType}.`);
      const outcomes = await Promise.all(
        names.map((name) => {
          const effect = (handlers[name] as Partial<Record<OutboxEventType, (event: OutboxEvent) => Promise<void>>>)[event.eventType]!;
          return runEffect(event, name, () => effect(event));
        }),
      );
      const failed = names.filter((_, index) => outcomes[index] === 'failed');
      if (failed.length > 0) throw new EffectsFailed(`Failed: ${failed.join(', ')}.`);
      log.info('event handled', { ...fields, effects: names.map((name, index) => `${name}:${outcomes[index]}`).join(' ') });
    } catch (error) {
      // Only an unreadable event's or a failed effect list's message goes in: they name fields and effects, never values.
      const detail = error instanceof UnreadableEvent || error instanceof EffectsFailed ? error.message : undefined;
      log.error('event failed', { ...fields, detail }, error);
      throw error;
    }
  };
  return (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> =>
    withLogContext(() => {
      log.bind({ requestId: context.awsRequestId, consumer: 'dispatcher' });
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
