import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { clock } from '../clock.ts';
import { db, tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import { allWithPrefix } from '../db/pages.ts';
import { type TransactionStep, transact } from '../db/transact.ts';
import { Conflict, StaleWrite } from '../errors.ts';
import { log } from '../log.ts';
import { retrying } from '../retry.ts';
import { listRefunds } from '../stripe/refunds.ts';
import { IN_PROGRESS_LEASE_MS } from '../time-budget.ts';
import { hasCode } from './context.ts';
import { getAppliedPayment, replaceAppliedPaymentStep } from './repository.ts';

const RELEASED = 'RESERVATION_RELEASED';

/**
 * A refund reserved on a payment's applied money (`refundRequested`) while
 * Stripe is asked. The request removes it once Stripe answered and the
 * request is recorded; an invocation that died in between leaves it, and
 * reconciliation then asks Stripe: a refund carrying its id is applied by the
 * refund's own events, none means the money was never asked for and the
 * reservation is given back.
 */
export interface RefundReservation {
  reservationId: string;
  orgId: string;
  paymentIntentId: string;
  docId: string;
  amount: number;
  /** Epoch ms. */
  reservedAt: number;
}

/** Written in the transaction that reserves the amount on the applied money: both or neither. */
export function putReservationStep(reservation: RefundReservation): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.refundReservation(reservation.orgId, reservation.reservationId), type: 'refund-reservation', ...reservation },
      },
    },
  };
}

/** Removes a reservation whose refund Stripe has (the refund's events clear the amount). */
export async function removeReservation(reservation: Pick<RefundReservation, 'orgId' | 'reservationId'>): Promise<void> {
  await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.refundReservation(reservation.orgId, reservation.reservationId) }));
}

/** The step that removes a reservation, only while it is there: it is given back once. */
function takeReservationStep(reservation: RefundReservation): TransactionStep {
  return {
    write: {
      Delete: {
        TableName: tableName(),
        Key: keys.refundReservation(reservation.orgId, reservation.reservationId),
        ConditionExpression: 'attribute_exists(PK)',
      },
    },
    onConditionFailed: () => new Conflict(RELEASED, 'The refund reservation was released before.'),
  };
}

/** Gives a reservation's amount back to what can be refunded, and removes it, in one transaction. */
export async function releaseReservation(reservation: RefundReservation): Promise<void> {
  await retrying(
    async () => {
      const applied = await getAppliedPayment(reservation.orgId, reservation.paymentIntentId, reservation.docId);
      if (!applied) return;
      const next = { ...applied, refundRequested: Math.max(0, applied.refundRequested - reservation.amount), version: applied.version + 1 };
      try {
        await transact([replaceAppliedPaymentStep(next, applied.version), takeReservationStep(reservation)]);
      } catch (error) {
        // Gone already: another run released it.
        if (!hasCode(error, RELEASED)) throw error;
      }
    },
    { retryOn: (error) => error instanceof StaleWrite },
  );
}

/** Releases an organization's reservations whose requests died before Stripe made their refund; older than any running request. */
export async function releaseAbandonedReservations(orgId: string, accountId: string): Promise<number> {
  const before = clock.now().getTime() - IN_PROGRESS_LEASE_MS;
  const abandoned = (await allWithPrefix(keys.refundReservationPrefix(orgId)))
    .map((item) => withoutKeys<RefundReservation>(item))
    .filter((reservation) => reservation.reservedAt < before);
  let released = 0;
  for (const reservation of abandoned) {
    const refunds = await listRefunds(accountId, { payment_intent: reservation.paymentIntentId });
    if (refunds.some((refund) => refund.metadata.reservationId === reservation.reservationId)) {
      await removeReservation(reservation);
      continue;
    }
    await releaseReservation(reservation);
    released++;
  }
  if (released > 0) log.warn('released refund reservations of requests that died before Stripe refunded', { orgId, released });
  return released;
}
