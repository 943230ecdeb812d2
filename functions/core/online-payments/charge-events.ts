import type Stripe from 'stripe';
import { apply } from '../documents/commands.ts';
import { getDocument } from '../documents/repository.ts';
import { Conflict } from '../errors.ts';
import { log } from '../log.ts';
import { count } from '../metrics.ts';
import { fromStripeAmount } from '../money/stripe-amounts.ts';
import { type StripeEventContext, stripeActor } from './context.ts';
import { finishEvent } from './finish-event.ts';
import { remainingOf, takeBack } from './money-back.ts';
import type { AppliedStripePayment } from './records.ts';
import { listAppliedPayments } from './repository.ts';

const ATTEMPTS = 8;
const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : (value?.id ?? undefined));

/** The money a payment intent applied in this organization; none when the intent is not one of its checkouts (logged, nothing changes). */
async function appliedOf(context: StripeEventContext, paymentIntentId: string | undefined): Promise<AppliedStripePayment[]> {
  const applied = paymentIntentId ? await listAppliedPayments(context.orgId, paymentIntentId) : [];
  if (applied.length === 0)
    log.warn('Stripe event about a payment this organization never applied; nothing changed', {
      orgId: context.orgId,
      eventId: context.event.id,
      eventType: context.event.type,
    });
  return applied;
}

/** Runs `step` until it reports nothing left to do, reading again after a lost race. */
async function untilDone(step: () => Promise<boolean>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await step())) return;
    } catch (error) {
      if (!(error instanceof Conflict) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/**
 * `charge.refunded`: the charge carries the total refunded so far, so what is
 * new is that total less what the payment's documents already gave back;
 * reordered or repeated events find nothing new. Refunds staff asked for are
 * taken from their document first.
 */
export async function chargeRefunded(context: StripeEventContext): Promise<void> {
  const charge = context.event.data.object as Stripe.Charge;
  const refundedTotal = fromStripeAmount(charge.amount_refunded, charge.currency.toUpperCase());
  const paymentIntentId = idOf(charge.payment_intent);
  if ((await appliedOf(context, paymentIntentId)).length === 0) return;
  await untilDone(async () => {
    const applied = await listAppliedPayments(context.orgId, paymentIntentId!);
    const due = refundedTotal - applied.reduce((sum, each) => sum + each.refunded, 0);
    const from = [...applied].sort((a, b) => b.refundRequested - a.refundRequested).find((each) => remainingOf(each) > 0);
    if (due <= 0 || !from) {
      if (due > 0)
        log.warn('refund larger than the money applied to documents (the rest was credit)', { orgId: context.orgId, eventId: context.event.id, due });
      return false;
    }
    await takeBack(from, Math.min(due, remainingOf(from)), 'refund');
    count('RefundsApplied');
    return true;
  });
  await finishEvent(context);
}

/** `charge.dispute.created`: each document the payment paid is marked, and staff are told. */
export async function disputeCreated(context: StripeEventContext): Promise<void> {
  const dispute = context.event.data.object as Stripe.Dispute;
  const reason = dispute.reason ?? 'unknown';
  for (const { docId } of await appliedOf(context, idOf(dispute.payment_intent))) {
    await untilDone(async () => {
      const [applied] = (await listAppliedPayments(context.orgId, idOf(dispute.payment_intent)!)).filter((each) => each.docId === docId);
      const document = await getDocument(context.orgId, docId);
      if (!applied || !document || document.dispute?.disputeId === dispute.id || remainingOf(applied) === 0) return false;
      const amount = remainingOf(applied);
      await apply(document, 'dispute', stripeActor, {
        fields: { dispute: { disputeId: dispute.id, status: 'open', amount, reason } },
        details: { disputeId: dispute.id, amount, reason },
        event: { docId, status: 'open', amount, currency: applied.currency, reason },
      });
      return false;
    });
  }
  await finishEvent(context);
}

/** `charge.dispute.closed`: lost takes the disputed money back off each document (the balance reopens); won clears the mark. */
export async function disputeClosed(context: StripeEventContext): Promise<void> {
  const dispute = context.event.data.object as Stripe.Dispute;
  const paymentIntentId = idOf(dispute.payment_intent);
  for (const { docId } of await appliedOf(context, paymentIntentId)) {
    await untilDone(async () => {
      const [applied] = (await listAppliedPayments(context.orgId, paymentIntentId!)).filter((each) => each.docId === docId);
      const document = await getDocument(context.orgId, docId);
      if (!applied || !document || document.dispute?.disputeId !== dispute.id || document.dispute.status !== 'open') return false;
      if (dispute.status === 'lost') {
        await takeBack(applied, Math.min(document.dispute.amount, remainingOf(applied)), 'reverse', { ...document.dispute, status: 'lost' });
      } else {
        await apply(document, 'closeDispute', stripeActor, { fields: { dispute: undefined }, details: { disputeId: dispute.id, status: dispute.status } });
      }
      return false;
    });
  }
  await finishEvent(context);
}
