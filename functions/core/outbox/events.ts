import type { ActorRef } from '../access/actor.ts';
import type { ReceivableChange } from '../receivables/open-amount.ts';

/** The three reminder emails: before the due date, on it, after it. */
export type ReminderTemplate = 'reminder-before' | 'reminder-due' | 'reminder-overdue';

/**
 * What a committed change tells the consumer lane. The event is written in the
 * change's own transaction, so it exists exactly when the change does; its id
 * keys every effect, so a redelivered event has no second effect.
 */
export interface OutboxEventData {
  /** A document left draft: its contact's portal persons are told (recipients are person ids). */
  'document.sent': { docId: string; recipients: string[] };
  /** A comment on a document: the other side is told. */
  'comment.created': { docId: string; commentId: string; author: { type: 'staff' | 'portal'; name: string }; body: string };
  /**
   * Money was applied to a document. `balance` is the balance right after it. Staff's offline payment gets its
   * receipt from this event; Stripe's money gets one receipt per payment from `online-payment.completed`.
   */
  'payment.received': { docId: string; paymentId: string; amount: number; currency: string; date: string; balance: number };
  /** Money paid online reached a document (staff are told): `amount` applied to it, `credited` put on the contact's credit because it no longer owed it. */
  'online-payment.received': { docId: string; amount: number; credited: number; currency: string; balance: number };
  /**
   * All of a checkout's money was applied (once per payment intent): the contact's portal persons get one receipt
   * naming every document it paid, `applied` to each and the `balance` each still owed right after.
   */
  'online-payment.completed': {
    paymentIntentId: string;
    contactId: string;
    amount: number;
    currency: string;
    date: string;
    documents: { docId: string; number: string; applied: number; balance: number }[];
  };
  /** A delayed (bank) payment of a checkout failed: staff are told; nothing was applied. */
  'online-payment.failed': { docId: string; sessionId: string; amount: number; currency: string };
  /** A refund Stripe made reached the document: its contact's persons and staff are told. */
  'payment.refunded': { docId: string; amount: number; currency: string; balance: number };
  /** The customer disputed a card payment (`open`), or lost it back to the bank (`lost`): staff are told. */
  'payment.disputed': { docId: string; status: 'open' | 'lost'; amount: number; currency: string; reason: string };
  /** The document's email again, by staff (recipients are person ids). */
  'document.resent': { docId: string; recipients: string[] };
  /**
   * A reminder of an open invoice: `offset` is the organization's reminder (days from the due date) the daily run sent,
   * null for one staff sent by hand; `daysFromDue` is the day it was taken on, from the due date (negative before it).
   */
  'invoice.reminder': { docId: string; offset: number | null; daysFromDue: number; template: ReminderTemplate };
  /**
   * A credit note was issued (its contact's portal persons are told, as for a sent document): of its `amount`,
   * `applied` lowered the balance of `invoiceId`, `credited` went to the contact's credit.
   */
  'credit_note.issued': { docId: string; recipients: string[]; invoiceId?: string; amount: number; applied: number; credited: number; currency: string };
  /** A document was voided: its open checkouts are expired, so nobody pays it. */
  'document.voided': { docId: string };
  /**
   * A portal person started a new Checkout Session: older open sessions paying
   * one of its documents are expired, and `expire` names the person's sessions
   * beyond the number a person may hold open at once.
   */
  'checkout.started': { sessionId: string; expire: string[] };
  /**
   * A document's open amount changed (sent, paid, refunded, reversed, credited, voided): what it was and what it is,
   * written by the document writer in the change's transaction, so the receivables aggregates follow every movement.
   */
  'receivable.changed': ReceivableChange;
  /** Staff emailed a contact's statement (recipients are person ids): each gets the PDF of that period and currency, in their language. */
  'statement.emailed': { contactId: string; from: string; to: string; currency: string; recipients: string[] };
}

export type OutboxEventType = keyof OutboxEventData;
export const outboxEventTypes = [
  'document.sent',
  'comment.created',
  'payment.received',
  'online-payment.received',
  'online-payment.completed',
  'online-payment.failed',
  'payment.refunded',
  'payment.disputed',
  'credit_note.issued',
  'document.voided',
  'checkout.started',
  'document.resent',
  'invoice.reminder',
  'receivable.changed',
  'statement.emailed',
] as const satisfies readonly OutboxEventType[];

export type OutboxEvent<T extends OutboxEventType = OutboxEventType> = {
  [K in T]: { id: string; eventType: K; orgId: string; at: string; actor: ActorRef; data: OutboxEventData[K] };
}[T];
