import type { ActorRef } from '../access/actor.ts';
import { clock } from '../clock.ts';
import { tableName } from '../db/client.ts';
import { keys } from '../db/keys.ts';
import type { TransactionStep } from '../db/transact.ts';
import { newId } from '../ids.ts';
import type { OutboxEvent, OutboxEventData, OutboxEventType } from './events.ts';

/** How long an event item (and the effect markers it leads to) stays once written; the stream has delivered it long before. */
export const OUTBOX_TTL_SECONDS = 30 * 24 * 60 * 60;

export function newOutboxEvent<T extends OutboxEventType>(orgId: string, eventType: T, actor: ActorRef, data: OutboxEventData[T]): OutboxEvent<T> {
  return { id: newId('evt'), eventType, orgId, at: clock.iso(), actor, data } as OutboxEvent<T>;
}

/** Writes an event in the transaction of the change it announces: the table's stream carries it to the consumers. */
export function outboxStep(event: OutboxEvent): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.outboxEvent(event.orgId, event.id), type: 'outbox', ...event, expiresAt: clock.epochSeconds() + OUTBOX_TTL_SECONDS },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  };
}
