import type { Needs } from './needs.ts';
import type { OutboxEventType } from './outbox/events.ts';

/**
 * The effect table, beside the route table: what committed changes call for,
 * each effect with the outbox event types it acts on and the needs it uses.
 * One dispatcher reads the table's stream and routes each event to its
 * effects in process (docs/collection.md says why not a reader per effect).
 */
export interface EffectSpec {
  summary: string;
  /** The outbox event types it acts on. */
  events: readonly OutboxEventType[];
  needs: Needs;
  /** A heavy library it loads, as a route's `renders` (route-spec.ts): the stream's reader carries it. */
  renders?: 'pdf';
}

export const effects = {
  notifications: {
    summary:
      'Emails what committed changes call for: document sent or sent again, credit note issued, invoice reminders, comment, one receipt per payment, online payment notices, refunds, a statement (its PDF attached)',
    events: [
      'document.sent',
      'document.resent',
      'credit_note.issued',
      'invoice.reminder',
      'comment.created',
      'payment.received',
      'online-payment.received',
      'online-payment.completed',
      'online-payment.failed',
      'payment.refunded',
      'payment.disputed',
      'statement.emailed',
    ],
    needs: { table: 'readwrite', email: true, mailLimits: true, web: true, logoBucket: 'read' },
    renders: 'pdf',
  },
  checkoutExpiry: {
    summary:
      "Expires a document's open Stripe Checkout Sessions once it is paid in full or voided, so nobody pays it twice, and those a newer session replaces (its documents, a person's limit of open sessions)",
    events: ['payment.received', 'document.voided', 'checkout.started'],
    needs: { table: 'readwrite', stripe: true },
  },
  webhooks: {
    summary: "Posts the organization's subscribed events to its webhook endpoints, signed (Standard Webhooks); failures are retried by the sweep",
    events: ['document.sent', 'payment.received', 'payment.refunded', 'comment.created', 'credit_note.issued'],
    needs: { table: 'readwrite', outgoingWebhooks: true },
  },
  receivables: {
    summary:
      "Adds each change of a document's open amount to the receivables aggregates (per organization and contact, currency and due day), once per event: the aging report reads them",
    events: ['receivable.changed'],
    needs: { table: 'readwrite' },
  },
} as const satisfies Record<string, EffectSpec>;

export type EffectName = keyof typeof effects;
export const effectNames = Object.keys(effects) as EffectName[];

/** The effects an event of this type goes to, in the table's order. */
export const effectsOf = (eventType: OutboxEventType): EffectName[] =>
  effectNames.filter((name) => (effects[name].events as readonly OutboxEventType[]).includes(eventType));

/** A function fed by the table's stream (new outbox events only), bound by the same `needs`. */
export interface ConsumerSpec {
  /** Handler file under functions/, without extension; it exports `handler`. */
  entry: string;
  summary: string;
  /** The outbox event types it acts on; the event source mapping filters on them. */
  events: readonly OutboxEventType[];
  needs: Needs;
  /** The heavy library its bundle carries, as a route's `renders`: its fonts ship beside the bundle. */
  renders?: 'pdf';
}

/** Every need of every effect, at its highest level, and the effects' dead-letter queues. */
function neededByEffects(): Needs {
  const needs: Record<string, unknown> = { deadLetters: true };
  for (const name of effectNames) {
    for (const [need, level] of Object.entries(effects[name].needs)) if (needs[need] !== 'readwrite') needs[need] = level;
  }
  return needs as Needs;
}

/**
 * The stream's readers: one dispatcher, whatever the number of effects, so the
 * stream stays within AWS's advice of at most two readers per shard.
 * Locally the runtime polls DynamoDB Local's stream and calls the same handler.
 */
export const consumers = {
  dispatcher: {
    entry: 'consumers/dispatch-outbox',
    summary: 'Routes each outbox event to its effects (the effect table), each run once per event, failing or dead-lettered on its own',
    events: [...new Set(effectNames.flatMap((name) => effects[name].events))],
    needs: neededByEffects(),
    // A statement's mail attaches its PDF. The lane is asynchronous: pdfkit lengthens no request's cold start, and a
    // second reader for it would take the last of the two readers a stream shard should have.
    ...(effectNames.some((name) => (effects[name] as EffectSpec).renders) && { renders: 'pdf' as const }),
  },
} as const satisfies Record<string, ConsumerSpec>;

export type ConsumerName = keyof typeof consumers;

/** How the stream feeds every consumer: the stack's event source mappings and the local poller read these. */
export const streamDelivery = {
  /** Outbox records per invocation (after filtering). */
  batchSize: 10,
  /**
   * Retries of a failing record, its batch bisected down to it. An effect that failed on every
   * one of them goes to its own dead-letter queue and the record moves on; a record that fails
   * outside any effect (unreadable) goes to the stream's dead-letter destination.
   */
  retryAttempts: 5,
} as const;

/** A filter in Lambda's event-filtering syntax: nested fields, each with the list of values it may have. */
export type FilterPattern = { readonly [field: string]: FilterPattern } | readonly string[];

/** What a consumer is fed: new outbox items of its event types, nothing else the table writes. */
export const streamFilter = (spec: ConsumerSpec): FilterPattern => ({
  eventName: ['INSERT'],
  dynamodb: { NewImage: { type: { S: ['outbox'] }, eventType: { S: spec.events } } },
});
