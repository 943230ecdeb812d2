import type Stripe from 'stripe';
import { todayIn } from '../calendar.ts';
import { apply } from '../documents/commands.ts';
import { getDocument } from '../documents/repository.ts';
import { StaleWrite } from '../errors.ts';
import { log } from '../log.ts';
import { retrying } from '../retry.ts';
import { type Dispute, retrieveDispute } from '../stripe/disputes.ts';
import { listRefunds, type Refund, refundView } from '../stripe/refunds.ts';
import { type StripeEventContext, stripeActor } from './context.ts';
import { finishEvent } from './finish-event.ts';
import { remainingOf, takeMoneyBack } from './money-back.ts';
import type { AppliedStripePayment } from './records.ts';
import { listAppliedPayments } from './repository.ts';

/** Refunds whose money has left (or is leaving) the account; a failed or canceled one never took it. */
const movingStatuses: readonly Refund['status'][] = ['pending', 'requires_action', 'succeeded'];
const openDispute = (status: string) => !['won', 'lost', 'warning_closed', 'charge_refunded'].includes(status);

/** The money a payment intent applied in this organization; none when the intent is not one of its checkouts (logged, nothing changes). */
async function appliedOf(context: StripeEventContext, paymentIntentId: string | null | undefined): Promise<AppliedStripePayment[]> {
  const applied = paymentIntentId ? await listAppliedPayments(context.orgId, paymentIntentId) : [];
  if (applied.length === 0)
    log.warn('Stripe event about a payment this organization never applied; nothing changed', {
      orgId: context.orgId,
      eventId: context.event.id,
      eventType: context.event.type,
    });
  return applied;
}

/** One refund, by its own id: off the document whose refund staff asked for (Portico wrote it in the metadata), or as the plan says. */
async function applyRefund(context: StripeEventContext, refund: Refund): Promise<void> {
  if (!movingStatuses.includes(refund.status)) {
    log.warn('Stripe refund that did not go through; nothing changed', { orgId: context.orgId, refundId: refund.refundId, status: refund.status });
    return;
  }
  if ((await appliedOf(context, refund.paymentIntentId)).length === 0) return;
  const askedFor = refund.metadata.orgId === context.orgId ? refund.metadata.docId : undefined;
  await takeMoneyBack(
    context.orgId,
    {
      kind: 'refund',
      source: { type: 'stripe_refund', id: refund.refundId },
      paymentIntentId: refund.paymentIntentId!,
      amount: refund.amount,
      ...(askedFor && { askedFor }),
    },
    todayIn(context),
  );
}

/**
 * `charge.refunded`: the charge carries only the total refunded so far, so
 * each of its refunds is read from Stripe and applied by its own id; those
 * applied before (by this or a `refund.*` event) are found by that id.
 */
export async function chargeRefunded(context: StripeEventContext): Promise<void> {
  const charge = context.event.data.object as Stripe.Charge;
  for (const refund of await listRefunds(context.accountId, { charge: charge.id })) await applyRefund(context, refund);
  await finishEvent(context);
}

/** `refund.created` / `refund.updated`: the refund itself, applied by its id (whichever of its events comes first). */
export async function refundChanged(context: StripeEventContext): Promise<void> {
  await applyRefund(context, refundView(context.event.data.object as Stripe.Refund));
  await finishEvent(context);
}

/**
 * `charge.dispute.*`: the dispute as Stripe has it now decides, whatever order
 * its events arrive in. Open marks each document the payment paid; lost takes
 * the disputed money back off the documents and the credit the payment made
 * (once, by the dispute's id); won clears the mark.
 */
export async function disputeChanged(context: StripeEventContext): Promise<void> {
  const dispute = await retrieveDispute(context.accountId, (context.event.data.object as Stripe.Dispute).id);
  const applied = await appliedOf(context, dispute.paymentIntentId);
  if (dispute.status === 'lost' && applied.length > 0) {
    await takeMoneyBack(
      context.orgId,
      {
        kind: 'reversal',
        source: { type: 'stripe_dispute', id: dispute.disputeId },
        paymentIntentId: dispute.paymentIntentId!,
        amount: dispute.amount,
        dispute: { disputeId: dispute.disputeId, status: 'lost', amount: dispute.amount, reason: dispute.reason },
      },
      todayIn(context),
    );
  } else {
    for (const each of applied) await markDispute(context, each, dispute);
  }
  await finishEvent(context);
}

/** Sets (while open) or clears (once won) a dispute's mark on one document, on the version read. */
async function markDispute(context: StripeEventContext, applied: AppliedStripePayment, dispute: Dispute): Promise<void> {
  const { disputeId, reason } = dispute;
  await retrying(
    async () => {
      const document = await getDocument(context.orgId, applied.docId);
      const marked = document?.dispute?.disputeId === disputeId;
      if (!document) return;
      if (openDispute(dispute.status)) {
        if (marked || remainingOf(applied) === 0) return;
        const amount = remainingOf(applied);
        await apply(document, 'dispute', stripeActor, {
          on: todayIn(context),
          fields: { dispute: { disputeId, status: 'open', amount, reason } },
          details: { disputeId, amount, reason },
          event: { docId: document.id, status: 'open', amount, currency: applied.currency, reason },
        });
      } else if (marked && document.dispute?.status === 'open') {
        await apply(document, 'closeDispute', stripeActor, {
          on: todayIn(context),
          fields: { dispute: undefined },
          details: { disputeId, status: dispute.status },
        });
      }
    },
    { retryOn: (error) => error instanceof StaleWrite },
  );
}
