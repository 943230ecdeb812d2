import { Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type ConsumerSpec, consumers, streamDelivery, streamFilter } from '../functions/core/consumers.ts';
import { deadLetterQueue } from './dead-letter-queues.ts';
import { HandlerFunction } from './handler-function.ts';
import type { Bindables } from './needs-binding.ts';
import { besideBundle } from './settings/bundling.ts';
import { entryFile, pascal } from './settings/function-groups.ts';

/**
 * One function per entry of the consumer table (one dispatcher), fed by the
 * table's stream: only new outbox events of the types it acts on reach it. A
 * batch that keeps failing is split until the failing record is alone; an
 * effect that fails on every retry goes to its own queue (EffectDeadLetters),
 * a record that fails outside any effect to this mapping's queue. Every queue
 * has an alarm (lib/alarms.ts) that says someone must look.
 */
export class StreamConsumers extends Construct {
  readonly functions = new Map<string, HandlerFunction>();
  /** Each consumer's dead-letter queue; lib/alarms.ts alarms on each. */
  readonly deadLetters = new Map<string, Queue>();

  constructor(scope: Construct, id: string, props: { table: TableV2; bindables: Bindables }) {
    super(scope, id);
    for (const [name, consumer] of Object.entries(consumers) as [string, ConsumerSpec][]) {
      const id = pascal(name);
      const handler = new HandlerFunction(this, id, {
        entry: entryFile(consumer.entry),
        needs: consumer.needs,
        beside: besideBundle(consumer),
        bindables: props.bindables,
      });
      this.functions.set(name, handler);
      const deadLetters = deadLetterQueue(this, `${id}DeadLetters`);
      handler.addEventSource(
        new DynamoEventSource(props.table, {
          // Records written while a mapping is (re)created are not skipped; consumers act once per event id.
          startingPosition: StartingPosition.TRIM_HORIZON,
          batchSize: streamDelivery.batchSize,
          bisectBatchOnError: true,
          reportBatchItemFailures: true,
          retryAttempts: streamDelivery.retryAttempts,
          maxRecordAge: Duration.hours(6),
          onFailure: new SqsDlq(deadLetters),
          // The same pattern the local poller applies (functions/core/consumers.ts).
          filters: [FilterCriteria.filter(streamFilter(consumer) as Record<string, unknown>)],
        }),
      );
      this.deadLetters.set(name, deadLetters);
    }
  }
}
