import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../functions/core/db/client.ts';
import { keys } from '../../functions/core/db/keys.ts';
import { transact } from '../../functions/core/db/transact.ts';
import { readRun } from '../../functions/core/outbox/effect-runs.ts';
import type { OutboxEvent } from '../../functions/core/outbox/events.ts';
import { outboxStep } from '../../functions/core/outbox/repository.ts';
import { type DeadLetter, readDeadLetters } from '../../scripts/local/dead-letters.ts';
import { local, useLocalTable } from './local.ts';
import { waitFor } from './wait.ts';

/** Writes outbox events as a service does, with `outboxStep` in one transaction; the local lane picks them up from the stream. */
export async function emit(...events: OutboxEvent[]): Promise<void> {
  useLocalTable();
  await transact(events.map(outboxStep));
}

/** Which effects of an event were claimed, and whether they are done. */
export async function effectMarkers(event: OutboxEvent): Promise<{ SK: string; status: string }[]> {
  useLocalTable();
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :effects)',
      ExpressionAttributeValues: { ':pk': keys.outboxEvent(event.orgId, event.id).PK, ':effects': 'EFFECT#' },
      ConsistentRead: true,
    }),
  );
  return Items.map((item) => ({ SK: item.SK as string, status: item.status as string }));
}

/** How one effect's run for an event stands (the dispatcher's marker). */
export async function effectRun(event: OutboxEvent, effect: string) {
  useLocalTable();
  return readRun(keys.effectRun(event.orgId, event.id, effect));
}

/** The records the local lane gave up on (`consumers.deadLetters` in the local state). */
export const deadLetters = (): DeadLetter[] => readDeadLetters(local().consumers.deadLetters);

const eventIdOf = (letter: DeadLetter) => ('effect' in letter ? letter.event.id : letter.record.dynamodb?.NewImage?.id?.S);
const sourceOf = (letter: DeadLetter) => ('effect' in letter ? letter.effect : letter.consumer);

/** Waits until the lane gives up on an event (`from` a consumer, or one effect of it): its dead letter. */
export function waitForDeadLetter(eventId: string, timeoutMs = 10_000, from?: string): Promise<DeadLetter> {
  return waitFor(
    () => `a dead letter for ${eventId}`,
    async () => deadLetters().find((letter) => eventIdOf(letter) === eventId && (from === undefined || sourceOf(letter) === from)),
    timeoutMs,
  );
}

/** Whether the lane gave up on an event. */
export const deadLettered = (eventId: string) => deadLetters().some((letter) => eventIdOf(letter) === eventId);
