import { existsSync, readFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import type { DynamoDBRecord } from 'aws-lambda';
import type { EffectDeadLetter } from '../../functions/core/outbox/dead-letters.ts';

/**
 * A record the lane gave up on, in the shape of the message an event source
 * mapping sends to its on-failure destination, plus (locally only) the record
 * itself. The local runtime appends one JSON line per record to the file named
 * in `.portico/local.json` (`consumers.deadLetters`).
 */
export interface StreamDeadLetter {
  consumer: string;
  timestamp: string;
  requestContext: { condition: 'RetryAttemptsExhausted'; approximateInvokeCount: number };
  DDBStreamBatchInfo: { shardId: string; startSequenceNumber: string; endSequenceNumber: string; batchSize: number; streamArn: string };
  record: DynamoDBRecord;
}

/** What the file holds: the lane's own dead letters, and effects the dispatcher gave up on (functions/core/outbox/dead-letters.ts). */
export type DeadLetter = StreamDeadLetter | EffectDeadLetter;

export const appendDeadLetter = (file: string, letter: StreamDeadLetter) => appendFile(file, `${JSON.stringify(letter)}\n`);

export function readDeadLetters(file: string): DeadLetter[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as DeadLetter);
}
