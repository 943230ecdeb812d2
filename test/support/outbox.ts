import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../functions/core/db/client.ts';
import { keys } from '../../functions/core/db/keys.ts';
import { transact } from '../../functions/core/db/transact.ts';
import type { OutboxEvent } from '../../functions/core/outbox/events.ts';
import { outboxStep } from '../../functions/core/outbox/repository.ts';
import { type DeadLetter, readDeadLetters } from '../../scripts/local/dead-letters.ts';
import { local } from './local.ts';
import { waitFor } from './wait.ts';

/** Points the domain code a test runs at the local runtime's table, as start.ts does for the handlers. */
function useLocalTable() {
  const { endpoint, tableName } = local().dynamodb;
  process.env.TABLE_NAME ??= tableName;
  process.env.DYNAMODB_ENDPOINT ??= endpoint;
}

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

/** The records the local lane gave up on (`consumers.deadLetters` in the local state). */
export const deadLetters = (): DeadLetter[] => readDeadLetters(local().consumers.deadLetters);

const eventIdOf = (letter: DeadLetter) => letter.record.dynamodb?.NewImage?.id?.S;

/** Waits until the lane gives up on an event: its dead letter. */
export function waitForDeadLetter(eventId: string, timeoutMs = 10_000, consumer?: string): Promise<DeadLetter> {
  return waitFor(
    () => `a dead letter for ${eventId}`,
    async () => deadLetters().find((letter) => eventIdOf(letter) === eventId && (consumer === undefined || letter.consumer === consumer)),
    timeoutMs,
  );
}

/** Whether the lane gave up on an event. */
export const deadLettered = (eventId: string) => deadLetters().some((letter) => eventIdOf(letter) === eventId);
