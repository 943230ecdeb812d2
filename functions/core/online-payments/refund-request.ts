import { createHash } from 'node:crypto';
import type { StaffContext } from '../access/context.ts';
import { type TransactionStep, transact } from '../db/transact.ts';
import { apply } from '../documents/commands.ts';
import { getDocument } from '../documents/repository.ts';
import { Conflict, NotFound, Unprocessable } from '../errors.ts';
import { idempotent } from '../idempotency/service.ts';
import { toStripeAmount } from '../money/stripe-amounts.ts';
import { createRefund } from '../stripe/refunds.ts';
import { remainingOf } from './money-back.ts';
import type { AppliedStripePayment } from './records.ts';
import { getAppliedPayment, getConnection, getPaymentRef, replaceAppliedPaymentStep } from './repository.ts';
import type { RefundInput } from './schema.ts';

const ATTEMPTS = 5;

export interface RefundRequested {
  refundId: string;
  status: 'pending';
}

/**
 * Asks Stripe to refund all or part of an online payment. The amount is
 * reserved on the payment's applied money first (`refundRequested`, on the
 * version read), so two requests can never together ask for more than was
 * paid; a refusal from Stripe gives it back. The balance reopens only when
 * Stripe reports the refund (`charge.refunded`), which also clears the
 * reservation. A repeated `Idempotency-Key` replays the first answer.
 */
export async function requestRefund(staff: StaffContext, paymentId: string, input: RefundInput, idempotencyKey: string | undefined) {
  return idempotent<RefundRequested>({ orgId: staff.orgId, scope: `refund-${paymentId}`, key: idempotencyKey, request: input }, async (complete) => {
    const applied = await refundablePayment(staff.orgId, paymentId);
    const refundable = remainingOf(applied) - applied.refundRequested;
    if (refundable <= 0)
      throw new Unprocessable('NOTHING_TO_REFUND', 'Everything of this payment has been refunded or asked to be refunded.', { refundable: 0 });
    const amount = input.amount ?? refundable;
    if (amount > refundable)
      throw new Unprocessable('REFUND_EXCEEDS_PAYMENT', `The refund is more than the ${refundable} left to refund of this payment.`, {
        field: 'amount',
        refundable,
      });
    toStripeAmount(amount, applied.currency); // off the currency's step: 422 before anything is reserved
    const connection = await getConnection(staff.orgId);
    if (!connection) throw new NotFound('Payment');

    // What was asked for so far only grows, so a derived key differs for every genuine new request and repeats for a concurrent copy.
    const stripeKey = idempotencyKey
      ? `refund-${paymentId}-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}`
      : `refund-${paymentId}-${applied.refunded + applied.refundRequested}-${amount}`;
    await transact([
      replaceAppliedPaymentStep({ ...applied, refundRequested: applied.refundRequested + amount, version: applied.version + 1 }, applied.version),
    ]);
    let refundId: string;
    try {
      ({ refundId } = await createRefund({
        accountId: connection.accountId,
        paymentIntentId: applied.paymentIntentId,
        currency: applied.currency,
        amount,
        metadata: { orgId: staff.orgId, paymentId, docId: applied.docId },
        idempotencyKey: stripeKey,
      }));
    } catch (error) {
      await giveBack(applied, amount);
      throw error;
    }
    const response: RefundRequested = { refundId, status: 'pending' };
    await recordRequest(staff, applied, { paymentId, refundId, amount }, complete(response));
    return response;
  });
}

/** The applied online money behind a payment id of this organization; an offline payment cannot be refunded through Stripe. */
async function refundablePayment(orgId: string, paymentId: string): Promise<AppliedStripePayment> {
  const ref = await getPaymentRef(orgId, paymentId);
  if (!ref) throw new NotFound('Payment');
  if (!ref.paymentIntentId) {
    throw new Unprocessable(
      'NOT_REFUNDABLE',
      'This payment was recorded by hand, not paid online: refund it the way it was paid; Portico can only refund online payments through Stripe.',
    );
  }
  const applied = await getAppliedPayment(orgId, ref.paymentIntentId, ref.docId);
  if (!applied) throw new NotFound('Payment');
  return applied;
}

/** The document's trail records who asked for which refund (the document itself changes when Stripe reports it). */
async function recordRequest(
  staff: StaffContext,
  applied: AppliedStripePayment,
  details: { paymentId: string; refundId: string; amount: number },
  steps: TransactionStep[],
) {
  for (let attempt = 1; ; attempt++) {
    const document = await getDocument(staff.orgId, applied.docId);
    if (!document) throw new NotFound('Document');
    try {
      await apply(document, 'requestRefund', staff, { details: { ...details, currency: applied.currency, paymentIntentId: applied.paymentIntentId }, steps });
      return;
    } catch (error) {
      if (!(error instanceof Conflict) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** Stripe refused: the reservation goes back, on whatever version the applied money has now. */
async function giveBack(applied: AppliedStripePayment, amount: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const now = (await getAppliedPayment(applied.orgId, applied.paymentIntentId, applied.docId))!;
    try {
      await transact([
        replaceAppliedPaymentStep({ ...now, refundRequested: Math.max(0, now.refundRequested - amount), version: now.version + 1 }, now.version),
      ]);
      return;
    } catch (error) {
      if (!(error instanceof Conflict) || attempt >= ATTEMPTS) throw error;
    }
  }
}
