import type { Needs } from './routes.ts';
import type { OutboxEventType } from './outbox/events.ts';

/**
 * The consumer table, beside the route table: each entry is a function fed by
 * the table's stream (new outbox events only), bound by the same `needs`.
 * Locally the runtime polls DynamoDB Local's stream and calls the same handler.
 */
export interface ConsumerSpec {
  /** Handler file under functions/, without extension; it exports `handler`. */
  entry: string;
  summary: string;
  /** The outbox event types it acts on; the event source mapping filters on them. */
  events: readonly OutboxEventType[];
  needs: Needs;
}

export const consumers = {
  notifications: {
    entry: 'consumers/send-notifications',
    summary: 'Emails what committed changes call for: document sent, comment, payment receipt',
    events: ['document.sent', 'comment.created', 'payment.received'],
    needs: { table: 'readwrite', email: true, web: true },
  },
} as const satisfies Record<string, ConsumerSpec>;

export type ConsumerName = keyof typeof consumers;
