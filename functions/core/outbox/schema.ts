import * as z from 'zod/mini';
import type { OutboxEvent } from './events.ts';

const id = /* @__PURE__ */ z.lazy(() => z.string().check(z.minLength(1), z.maxLength(64)));
const text = /* @__PURE__ */ z.lazy(() => z.string().check(z.maxLength(10_000)));

const ActorRef = /* @__PURE__ */ z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('staff'), id, email: z.optional(z.string()) }),
    z.object({ type: z.literal('portal'), id, name: text }),
    z.object({ type: z.literal('system'), id: z.enum(['stripe', 'scheduler', 'outbox']) }),
  ]),
);

const OpenAmount = /* @__PURE__ */ z.lazy(() => z.object({ dueDate: z.iso.date(), balance: z.number().check(z.int(), z.positive()) }));

const envelope = { id, orgId: id, at: z.iso.datetime(), actor: ActorRef };

/**
 * An outbox event as read back from a stream record: the consumer lane trusts
 * nothing it did not check, so a malformed item fails its record (and ends in
 * the dead letters) instead of sending a half-filled email.
 */
export const OutboxEventSchema = /* @__PURE__ */ z.lazy(
  () =>
    z.discriminatedUnion('eventType', [
      z.object({
        ...envelope,
        eventType: z.literal('statement.emailed'),
        data: z.object({ contactId: id, from: z.iso.date(), to: z.iso.date(), currency: z.string().check(z.regex(/^[A-Z]{3}$/)), recipients: z.array(id) }),
      }),
      z.object({ ...envelope, eventType: z.literal('document.sent'), data: z.object({ docId: id, recipients: z.array(id) }) }),
      z.object({
        ...envelope,
        eventType: z.literal('comment.created'),
        data: z.object({ docId: id, commentId: id, author: z.object({ type: z.enum(['staff', 'portal']), name: text }), body: text }),
      }),
      z.object({
        ...envelope,
        eventType: z.literal('payment.received'),
        data: z.object({
          docId: id,
          paymentId: id,
          amount: z.number().check(z.int()),
          currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
          date: z.iso.date(),
          balance: z.number().check(z.int()),
        }),
      }),
      ...onlinePaymentEventSchemas(),
      z.object({
        ...envelope,
        eventType: z.literal('credit_note.issued'),
        data: z.object({
          docId: id,
          recipients: z.array(id),
          invoiceId: z.optional(id),
          amount: z.number().check(z.int()),
          applied: z.number().check(z.int()),
          credited: z.number().check(z.int()),
          currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
        }),
      }),
      z.object({ ...envelope, eventType: z.literal('document.voided'), data: z.object({ docId: id }) }),
      z.object({ ...envelope, eventType: z.literal('document.resent'), data: z.object({ docId: id, recipients: z.array(id) }) }),
      z.object({
        ...envelope,
        eventType: z.literal('invoice.reminder'),
        data: z.object({
          docId: id,
          offset: z.nullable(z.number().check(z.int())),
          daysFromDue: z.number().check(z.int()),
          template: z.enum(['reminder-before', 'reminder-due', 'reminder-overdue']),
        }),
      }),
      z.object({
        ...envelope,
        eventType: z.literal('checkout.started'),
        data: z.object({ sessionId: z.string().check(z.minLength(1), z.maxLength(255)), expire: z.array(z.string().check(z.minLength(1), z.maxLength(255))) }),
      }),
      z.object({
        ...envelope,
        eventType: z.literal('receivable.changed'),
        data: z.object({
          docId: id,
          version: z.number().check(z.int(), z.positive()),
          contactId: id,
          currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
          before: z.nullable(OpenAmount),
          after: z.nullable(OpenAmount),
        }),
      }),
    ]) satisfies z.ZodMiniType<OutboxEvent>,
);

/** What Stripe's events announce (functions/core/online-payments/). */
function onlinePaymentEventSchemas() {
  const money = z.number().check(z.int());
  const currency = z.string().check(z.regex(/^[A-Z]{3}$/));
  return [
    z.object({
      ...envelope,
      eventType: z.literal('online-payment.received'),
      data: z.object({ docId: id, amount: money, credited: money, currency, balance: money }),
    }),
    z.object({
      ...envelope,
      eventType: z.literal('online-payment.completed'),
      data: z.object({
        paymentIntentId: z.string().check(z.minLength(1), z.maxLength(255)),
        contactId: id,
        amount: money,
        currency,
        date: z.iso.date(),
        documents: z.array(z.object({ docId: id, number: z.string().check(z.maxLength(64)), applied: money, balance: money })).check(z.maxLength(100)),
      }),
    }),
    z.object({
      ...envelope,
      eventType: z.literal('online-payment.failed'),
      data: z.object({ docId: id, sessionId: z.string().check(z.minLength(1), z.maxLength(255)), amount: money, currency }),
    }),
    z.object({ ...envelope, eventType: z.literal('payment.refunded'), data: z.object({ docId: id, amount: money, currency, balance: money }) }),
    z.object({
      ...envelope,
      eventType: z.literal('payment.disputed'),
      data: z.object({ docId: id, status: z.enum(['open', 'lost']), amount: money, currency, reason: text }),
    }),
  ] as const;
}
