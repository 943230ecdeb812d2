import type { Needs } from './needs.ts';
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
    summary: 'Emails what committed changes call for: document sent, comment, payment receipt, online payment notices, refunds',
    events: [
      'document.sent',
      'comment.created',
      'payment.received',
      'online-payment.received',
      'online-payment.failed',
      'payment.refunded',
      'payment.disputed',
    ],
    needs: { table: 'readwrite', email: true, mailLimits: true, web: true },
  },
  checkoutExpiry: {
    entry: 'consumers/expire-checkouts',
    summary: "Expires a document's open Stripe Checkout Sessions once it is paid in full or voided, so nobody pays it twice",
    events: ['payment.received', 'document.voided'],
    needs: { table: 'readwrite', stripe: true },
  },
} as const satisfies Record<string, ConsumerSpec>;

export type ConsumerName = keyof typeof consumers;

/** How the stream feeds every consumer: the stack's event source mappings and the local poller read these. */
export const streamDelivery = {
  /** Outbox records per invocation (after filtering). */
  batchSize: 10,
  /** Retries of a failing record, its batch bisected down to it, before it goes to the dead-letter destination. */
  retryAttempts: 5,
} as const;

/** A filter in Lambda's event-filtering syntax: nested fields, each with the list of values it may have. */
export type FilterPattern = { readonly [field: string]: FilterPattern } | readonly string[];

/** What a consumer is fed: new outbox items of its event types, nothing else the table writes. */
export const streamFilter = (spec: ConsumerSpec): FilterPattern => ({
  eventName: ['INSERT'],
  dynamodb: { NewImage: { type: { S: ['outbox'] }, eventType: { S: spec.events } } },
});
