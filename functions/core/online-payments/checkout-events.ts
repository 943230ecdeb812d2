import type Stripe from 'stripe';
import { actorRef } from '../access/actor.ts';
import { todayIn } from '../calendar.ts';
import { log } from '../log.ts';
import { newOutboxEvent, outboxStep } from '../outbox/repository.ts';
import type { Payment } from '../payments/schema.ts';
import { retrieveCheckoutSession } from '../stripe/checkout.ts';
import { type PaymentIntent, retrievePaymentIntent } from '../stripe/payment-intents.ts';
import { applyCheckoutPayment } from './apply-payment.ts';
import { type StripeEventContext, stripeActor } from './context.ts';
import { finishEvent } from './finish-event.ts';
import type { CheckoutRecord } from './records.ts';
import { alreadyApplied, checkoutPaymentStep, checkoutStatusStep, getCheckoutRecord } from './repository.ts';

const sessionOf = (context: StripeEventContext) => context.event.data.object as Stripe.Checkout.Session;

/**
 * The checkout an event is about, only as this organization stored it and only
 * when the event's own account created it: a session of another account, or
 * one Portico never made, changes nothing whatever its metadata says.
 */
async function storedCheckout(context: StripeEventContext): Promise<CheckoutRecord | undefined> {
  const session = sessionOf(context);
  const record = await getCheckoutRecord(context.orgId, session.id);
  if (record && record.accountId === context.accountId) return record;
  log.warn('Stripe event names a checkout this account does not own; nothing changed', {
    orgId: context.orgId,
    eventId: context.event.id,
    eventType: context.event.type,
    sessionId: session.id,
  });
  return undefined;
}

/** Stripe's payment method types, as Portico records a payment's method. */
function methodOf(type: string | null): Payment['method'] {
  if (type === 'card') return 'card';
  return type && /bank|debit|transfer|ach|sepa|bacs|becs/.test(type) ? 'bank_transfer' : 'other';
}

/**
 * The checkout's money as Stripe has it now, never as an event's own fields
 * say: the session (which names its payment intent) and the intent, checked
 * against the stored checkout's amount and currency. Undefined while unpaid;
 * a payment that does not match is logged for staff and never applied.
 */
async function confirmedPayment(context: StripeEventContext, record: CheckoutRecord): Promise<PaymentIntent | undefined> {
  const session = await retrieveCheckoutSession(context.accountId, record.sessionId);
  if (session.paymentStatus !== 'paid' || !session.paymentIntentId) return undefined;
  const intent = await retrievePaymentIntent(context.accountId, session.paymentIntentId);
  const mismatches = [
    intent.status !== 'succeeded' && `status ${intent.status}`,
    intent.currency !== record.currency && `currency ${intent.currency}`,
    (intent.amountReceived !== record.total || session.amountTotal !== record.total) && `amount ${intent.amountReceived}`,
  ]
    .filter(Boolean)
    .join(', ');
  if (!mismatches) return intent;
  log.error('Stripe payment does not match the stored checkout; nothing applied', {
    orgId: record.orgId,
    sessionId: record.sessionId,
    eventId: context.event.id,
    paymentIntentId: intent.paymentIntentId,
    mismatches,
  });
  return undefined;
}

/** Applies a checkout's money once Stripe confirms it is paid (at completion for cards, on settlement for bank payments); else records it unpaid. */
async function applyIfPaid(context: StripeEventContext, record: CheckoutRecord): Promise<void> {
  const intent = await confirmedPayment(context, record);
  if (!intent) return finishEvent(context, [checkoutPaymentStep(record, 'unpaid', undefined)]);
  await applyCheckoutPayment(
    record,
    {
      paymentIntentId: intent.paymentIntentId,
      ...(intent.chargeId && { chargeId: intent.chargeId }),
      method: methodOf(intent.methodType),
      eventId: context.event.id,
    },
    todayIn(context),
  );
  await finishEvent(context, [checkoutPaymentStep(record, 'paid', intent.paymentIntentId)]);
}

/** `checkout.session.completed`: paid now (a card), or unpaid until a bank payment settles. */
export async function checkoutCompleted(context: StripeEventContext): Promise<void> {
  const record = await storedCheckout(context);
  if (record) await applyIfPaid(context, record);
}

/** `checkout.session.async_payment_succeeded`: a bank payment settled; the same path as a card, so either event applies it once. */
export async function checkoutPaymentSucceeded(context: StripeEventContext): Promise<void> {
  const record = await storedCheckout(context);
  if (record) await applyIfPaid(context, record);
}

/** `checkout.session.async_payment_failed`: nothing was received; the checkout says so and staff are told. */
export async function checkoutPaymentFailed(context: StripeEventContext): Promise<void> {
  const record = await storedCheckout(context);
  if (!record) return;
  const first = record.allocations[0]!;
  await finishEvent(context, [
    checkoutPaymentStep(record, 'failed', undefined),
    outboxStep(
      newOutboxEvent(record.orgId, 'online-payment.failed', actorRef(stripeActor), {
        docId: first.docId,
        sessionId: record.sessionId,
        amount: record.total,
        currency: record.currency,
      }),
    ),
  ]);
}

/** `checkout.session.expired`: an open checkout can no longer be paid. */
export async function checkoutExpired(context: StripeEventContext): Promise<void> {
  const record = await storedCheckout(context);
  if (!record) return;
  // Paid meanwhile: a completed checkout stays complete.
  const expire = { ...checkoutStatusStep(record, 'expired'), onConditionFailed: alreadyApplied('A later state of the checkout') };
  await finishEvent(context, record.status === 'open' ? [expire] : []);
}
