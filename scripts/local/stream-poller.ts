import { type _Record, DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { type ConsumerName, consumers, streamDelivery, streamFilter } from '../../functions/core/consumers.ts';
import { localClientConfig } from './aws-local.ts';
import { invokeConsumer } from './consumer-invoker.ts';
import { appendDeadLetter } from './dead-letters.ts';
import type { InvokeWithEnvironment } from './function-environment.ts';
import { matchesFilter } from './stream-filter.ts';

/** Often enough that a test waiting for an email hardly notices the lane. */
const POLL_MS = 50;
/** How often the stream is described again to find new shards. */
const DESCRIBE_MS = 1000;

export interface LaneOptions {
  endpoint: string;
  streamArn: string;
  /** Where reading starts in the shards there are now: all of a new table's stream, only what comes next on a kept one. */
  startAt: 'TRIM_HORIZON' | 'LATEST';
  /** The JSON Lines file dead letters are appended to. */
  deadLetters: string;
  /** Runs each invocation with only its consumer's environment, as Lambda does. */
  invokeWithEnvironment: InvokeWithEnvironment;
}

interface Shard {
  id: string;
  parentId: string | undefined;
  /** Undefined once the shard is closed and read to its end. */
  iterator: string | undefined;
  /** Records read that passed the filter and are not handled yet, oldest first. */
  pending: DynamoDBRecord[];
  /** Failed invocations since the first pending record became first. */
  failures: number;
  /** Halved on every failure (bisect on error), the full batch again after a success. */
  batchSize: number;
}

/** Every consumer of the consumer table, each fed by its own poller as each has its own event source mapping on AWS. */
export async function startConsumerLane(options: LaneOptions): Promise<{ stop: () => void }> {
  const pollers = await Promise.all((Object.keys(consumers) as ConsumerName[]).map((name) => startStreamPoller(name, options)));
  return {
    stop: () => {
      for (const poller of pollers) poller.stop();
    },
  };
}

/**
 * What an event source mapping does for one consumer, against DynamoDB Local's
 * stream: reads every shard (a child after its parent), keeps the records that
 * pass the consumer's filter, invokes the consumer with batches, and honours
 * its partial batch responses. A batch is retried from its first failed record,
 * bisected down to it; after `streamDelivery.retryAttempts` retries that record
 * goes to the dead letters and the shard moves on.
 */
async function startStreamPoller(name: ConsumerName, options: LaneOptions) {
  const spec = consumers[name];
  const filter = streamFilter(spec);
  const streams = new DynamoDBStreamsClient(localClientConfig(options.endpoint));
  const shards = new Map<string, Shard>();
  let describedAt = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastError = '';

  async function discoverShards(startAt: LaneOptions['startAt']) {
    let after: string | undefined;
    do {
      const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: options.streamArn, ExclusiveStartShardId: after }));
      for (const { ShardId, ParentShardId } of StreamDescription?.Shards ?? []) {
        if (!ShardId || shards.has(ShardId)) continue;
        const { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: options.streamArn, ShardId, ShardIteratorType: startAt }));
        shards.set(ShardId, { id: ShardId, parentId: ParentShardId, iterator: ShardIterator, pending: [], failures: 0, batchSize: streamDelivery.batchSize });
      }
      after = StreamDescription?.LastEvaluatedShardId;
    } while (after);
    describedAt = Date.now();
  }

  const finished = (shard: Shard) => shard.iterator === undefined && shard.pending.length === 0;
  const parentFinished = (shard: Shard) => {
    const parent = shard.parentId === undefined ? undefined : shards.get(shard.parentId);
    return parent === undefined || finished(parent);
  };

  /** Reads the shard's next records; true when there were any. */
  async function read(shard: Shard): Promise<boolean> {
    const { Records = [], NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator }));
    shard.iterator = NextShardIterator;
    shard.pending = Records.map((record) => lambdaRecord(record, options.streamArn)).filter((record) => matchesFilter(filter, record));
    return Records.length > 0;
  }

  /** Invokes the consumer with the next batch; true when every record of it was handled. */
  async function deliver(shard: Shard): Promise<boolean> {
    const batch = shard.pending.slice(0, shard.batchSize);
    const failedAt = await firstFailure(batch);
    if (failedAt < 0) {
      shard.pending.splice(0, batch.length);
      Object.assign(shard, { failures: 0, batchSize: streamDelivery.batchSize });
      return true;
    }
    // Lambda checkpoints before the first failed record: the ones before it are done.
    if (failedAt > 0) Object.assign(shard, { pending: shard.pending.slice(failedAt), failures: 0 });
    shard.failures += 1;
    shard.batchSize = Math.max(1, Math.floor(shard.batchSize / 2));
    if (shard.failures > streamDelivery.retryAttempts) await deadLetter(shard, shard.pending.shift()!);
    return false;
  }

  /** The index of the first record the consumer reported failed, or -1. */
  async function firstFailure(batch: DynamoDBRecord[]): Promise<number> {
    try {
      const response = await invokeConsumer(spec, { Records: batch }, options.invokeWithEnvironment);
      const failed = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
      return batch.findIndex((record) => failed.has(record.dynamodb?.SequenceNumber ?? ''));
    } catch {
      // A function error fails the whole batch.
      return 0;
    }
  }

  async function deadLetter(shard: Shard, record: DynamoDBRecord) {
    const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
    await appendDeadLetter(options.deadLetters, {
      consumer: name,
      timestamp: new Date().toISOString(),
      requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: shard.failures },
      DDBStreamBatchInfo: {
        shardId: shard.id,
        startSequenceNumber: sequenceNumber,
        endSequenceNumber: sequenceNumber,
        batchSize: 1,
        streamArn: options.streamArn,
      },
      record,
    });
    process.stderr.write(`consumer ${name}: record ${sequenceNumber} failed ${shard.failures} times; written to ${options.deadLetters}\n`);
    Object.assign(shard, { failures: 0, batchSize: streamDelivery.batchSize });
  }

  async function poll() {
    let busy = false;
    try {
      if (Date.now() - describedAt > DESCRIBE_MS) await discoverShards('TRIM_HORIZON');
      for (const shard of shards.values()) {
        if (finished(shard) || !parentFinished(shard)) continue;
        if (shard.pending.length === 0) busy = (await read(shard)) || busy;
        if (shard.pending.length > 0) busy = (await deliver(shard)) || busy;
      }
      lastError = '';
    } catch (error) {
      const message = `consumer ${name}: reading the stream failed: ${(error as Error).message}\n`;
      if (message !== lastError) process.stderr.write(message);
      lastError = message;
    }
    // Straight on while there is work; a failed batch waits a round before its retry.
    if (!stopped) timer = setTimeout(poll, busy ? 0 : POLL_MS);
  }

  await discoverShards(options.startAt);
  void poll();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** A record as Lambda delivers it: with its stream's ARN and the creation time in epoch seconds. */
function lambdaRecord(record: _Record, streamArn: string): DynamoDBRecord {
  const { ApproximateCreationDateTime, ...image } = record.dynamodb ?? {};
  // Attribute values pass as they are: the SDK's and Lambda's types differ only for binary values, which the table does not hold.
  return {
    ...record,
    eventSourceARN: streamArn,
    dynamodb: { ...image, ApproximateCreationDateTime: ApproximateCreationDateTime && Math.floor(ApproximateCreationDateTime.getTime() / 1000) },
  } as DynamoDBRecord;
}
