import { createHash } from 'node:crypto';
import type { StaffContext } from '../access/context.ts';
import { todayIn } from '../calendar.ts';
import { clock } from '../clock.ts';
import { type TransactionStep, transact } from '../db/transact.ts';
import { apply } from '../documents/commands.ts';
import { getDocument } from '../documents/repository.ts';
import { NotFound, StaleWrite, Unprocessable } from '../errors.ts';
import { idempotent } from '../idempotency/service.ts';
import { newId } from '../ids.ts';
import { toStripeAmount } from '../money/stripe-amounts.ts';
import { retrying } from '../retry.ts';
import { createRefund } from '../stripe/refunds.ts';
import { remainingOf } from './money-back.ts';
import type { AppliedStripePayment } from './records.ts';
import { putReservationStep, type RefundReservation, releaseReservation, removeReservation } from './refund-reservations.ts';
import { getAppliedPayment, getConnection, getPaymentRef, replaceAppliedPaymentStep } from './repository.ts';
import type { RefundInput } from './schema.ts';

export interface RefundRequested {
  refundId: string;
  status: 'pending';
}

/**
 * Asks Stripe to refund all or part of an online payment. The amount is
 * reserved on the payment's applied money first (`refundRequested`, on the
 * version read), so two requests can never together ask for more than was
 * paid; a refusal from Stripe gives it back, and so does reconciliation when
 * the request died before Stripe made the refund. The balance reopens only when
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
    const reservation: RefundReservation = {
      reservationId: newId('rsv'),
      orgId: staff.orgId,
      paymentIntentId: applied.paymentIntentId,
      docId: applied.docId,
      amount,
      reservedAt: clock.now().getTime(),
    };
    await transact([
      replaceAppliedPaymentStep({ ...applied, refundRequested: applied.refundRequested + amount, version: applied.version + 1 }, applied.version),
      putReservationStep(reservation),
    ]);
    let refundId: string;
    try {
      ({ refundId } = await createRefund({
        accountId: connection.accountId,
        paymentIntentId: applied.paymentIntentId,
        currency: applied.currency,
        amount,
        metadata: { orgId: staff.orgId, paymentId, docId: applied.docId, reservationId: reservation.reservationId },
        idempotencyKey: stripeKey,
      }));
    } catch (error) {
      await releaseReservation(reservation);
      throw error;
    }
    const response: RefundRequested = { refundId, status: 'pending' };
    await recordRequest(staff, applied, { paymentId, refundId, amount }, complete(response));
    await removeReservation(reservation);
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
  await retrying(
    async () => {
      const document = await getDocument(staff.orgId, applied.docId);
      if (!document) throw new NotFound('Document');
      await apply(document, 'requestRefund', staff, {
        on: todayIn(staff.organization),
        details: { ...details, currency: applied.currency, paymentIntentId: applied.paymentIntentId },
        steps,
      });
    },
    { retryOn: (error) => error instanceof StaleWrite },
  );
}
