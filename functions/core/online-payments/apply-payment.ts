import { actorRef } from '../access/actor.ts';
import { commit, type Step } from '../audit/commit.ts';
import { clock } from '../clock.ts';
import { decide } from '../documents/commands.ts';
import { getDocument } from '../documents/repository.ts';
import type { StoredDocument } from '../documents/schema.ts';
import { Conflict, NotFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { type CreditMovement, creditSteps } from '../ledger/credit.ts';
import { ALREADY_RECORDED } from '../ledger/repository.ts';
import { log } from '../log.ts';
import { count } from '../metrics.ts';
import { newOutboxEvent, outboxStep } from '../outbox/repository.ts';
import { putPaymentStep } from '../payments/repository.ts';
import type { Payment } from '../payments/schema.ts';
import { retrying } from '../retry.ts';
import { hasCode, stripeActor } from './context.ts';
import { isOpenForPayment } from './payable.ts';
import { recordReceipt } from './receipt.ts';
import type { Allocation, AppliedStripePayment, CheckoutRecord } from './records.ts';
import { ALREADY_APPLIED, getAppliedPayment, putAppliedPaymentStep, putPaymentRefStep } from './repository.ts';

/** Money Stripe says was received for a checkout. */
export interface ReceivedPayment {
  paymentIntentId: string;
  chargeId?: string;
  method: Payment['method'];
  eventId: string;
}

/**
 * Applies a checkout's money to its documents, one transaction per document,
 * each with the marker of (payment intent, document): however many events
 * bring the same money, in whatever order and concurrency, each document gets
 * it once. What a document no longer owes (paid offline or voided meanwhile)
 * becomes the contact's credit: money received is never dropped. Then the
 * payment's one receipt (receipt.ts).
 */
export async function applyCheckoutPayment(record: CheckoutRecord, payment: ReceivedPayment, on: string): Promise<void> {
  for (const allocation of record.allocations) await applyAllocation(record, allocation, payment, on);
  await recordReceipt(record, payment.paymentIntentId, on);
}

async function applyAllocation(record: CheckoutRecord, allocation: Allocation, payment: ReceivedPayment, on: string): Promise<void> {
  // Another writer changed the document between the read and the write: read it again.
  await retrying(
    async () => {
      if (await getAppliedPayment(record.orgId, payment.paymentIntentId, allocation.docId)) return;
      const document = await getDocument(record.orgId, allocation.docId);
      if (!document) throw new NotFound('Document'); // a checkout is only made for sent documents, which are never deleted
      try {
        await commit(allocationSteps(record, allocation, payment, document, on));
        count('PaymentsApplied');
      } catch (error) {
        if (!hasCode(error, ALREADY_APPLIED) && !hasCode(error, ALREADY_RECORDED)) throw error;
      }
    },
    { retryOn: (error) => error instanceof Conflict },
  );
}

/** What fits on the document as it is now: none once it is paid or voided, or in another currency. */
function fitting(document: StoredDocument, record: CheckoutRecord, amount: number, on: string): number {
  return isOpenForPayment(document, on) && document.currency === record.currency ? Math.min(amount, document.balance) : 0;
}

/** `on` is today in the organization's time zone: the payment's date. */
function allocationSteps(record: CheckoutRecord, allocation: Allocation, payment: ReceivedPayment, document: StoredDocument, on: string): Step[] {
  const applied = fitting(document, record, allocation.amount, on);
  const excess = allocation.amount - applied;
  const paymentId = applied > 0 ? newId('pay') : undefined;
  const source = { type: 'stripe_payment_intent' as const, id: payment.paymentIntentId };
  const toCredit = (kind: CreditMovement['kind'], amount: number): CreditMovement[] =>
    amount > 0 ? [{ kind, source, amount, contactId: record.contactId, currency: record.currency, docId: document.id, documentNumber: document.number }] : [];
  // A retainer invoice's money is the contact's credit, as it is for offline payments.
  const credit = [...toCredit('excess', excess), ...toCredit('retainer', document.kind === 'retainer-invoice' ? applied : 0)];
  const marker: AppliedStripePayment = {
    orgId: record.orgId,
    paymentIntentId: payment.paymentIntentId,
    ...(payment.chargeId && { chargeId: payment.chargeId }),
    sessionId: record.sessionId,
    docId: document.id,
    contactId: record.contactId,
    currency: record.currency,
    ...(paymentId && { paymentId }),
    amount: applied,
    credited: excess,
    refunded: 0,
    reversed: 0,
    creditTakenBack: 0,
    refundRequested: 0,
    version: 1,
  };
  const shared = [putAppliedPaymentStep(marker), ...creditSteps(record.orgId, credit, on)];
  const notice = { docId: document.id, amount: applied, credited: excess, currency: record.currency };
  if (excess > 0)
    log.warn('online payment exceeds what the document owes; the rest is credit', {
      orgId: record.orgId,
      docId: document.id,
      paymentIntentId: payment.paymentIntentId,
      excess,
    });
  if (!paymentId) {
    return decide(document, 'creditExcess', stripeActor, {
      on,
      details: { amount: 0, credited: excess, currency: record.currency, paymentIntentId: payment.paymentIntentId },
      event: { ...notice, balance: document.balance },
      steps: shared,
    }).steps;
  }
  const item: Payment = {
    id: paymentId,
    docId: document.id,
    contactId: document.contactId,
    documentNumber: document.number,
    currency: document.currency,
    amount: applied,
    date: on,
    method: payment.method,
    reference: payment.paymentIntentId,
    recordedBy: 'stripe',
    stripe: {
      paymentIntentId: payment.paymentIntentId,
      ...(payment.chargeId && { chargeId: payment.chargeId }),
      sessionId: record.sessionId,
      eventId: payment.eventId,
    },
    createdAt: clock.iso(),
  };
  const balance = document.balance - applied;
  return decide(document, 'pay', stripeActor, {
    on,
    entries: [{ kind: 'online_payment', source, amount: applied, date: item.date }],
    details: { paymentId, amount: applied, balance, ...(excess > 0 && { credited: excess }), paymentIntentId: payment.paymentIntentId },
    event: { docId: document.id, paymentId, amount: applied, currency: item.currency, date: item.date, balance },
    steps: [
      putPaymentStep(record.orgId, item),
      putPaymentRefStep(record.orgId, { paymentId, docId: document.id, paymentIntentId: payment.paymentIntentId }),
      ...shared,
      outboxStep(newOutboxEvent(record.orgId, 'online-payment.received', actorRef(stripeActor), { ...notice, balance })),
    ],
  }).steps;
}
