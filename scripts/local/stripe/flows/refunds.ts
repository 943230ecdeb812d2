import type { Double } from '../double.ts';
import { invalidRequest } from '../errors.ts';
import { stripeId, unixNow } from '../ids.ts';
import type { Charge, Metadata, Owner, Refund } from '../objects.ts';
import { assertStep } from './amounts.ts';
import { change } from './changes.ts';

/** A card refund is pending for a moment before it succeeds (days on Stripe); long enough to be seen pending. */
const SETTLES_AFTER_MS = 200;

export interface RefundRequest {
  charge: Charge;
  amount?: number;
  reason?: string;
  metadata?: Metadata;
}

/**
 * Refunds (part of) a succeeded charge: `refund.created` and `charge.refunded`
 * (the charge with its new `amount_refunded`) now, `refund.updated` when the
 * refund succeeds.
 */
export function refund(double: Double, owner: Owner, { charge, amount, reason, metadata }: RefundRequest): Refund {
  if (charge.status !== 'succeeded')
    throw invalidRequest(`Charge ${charge.id} has not succeeded; there is nothing to refund.`, 'charge_not_refundable', 'charge');
  if (charge.disputed) throw invalidRequest(`Charge ${charge.id} has been charged back; it cannot be refunded.`, 'charge_disputed', 'charge');
  const refundable = charge.amount - charge.amount_refunded;
  if (refundable === 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, 'charge_already_refunded', 'charge');
  const value = amount ?? refundable;
  if (value > refundable)
    throw invalidRequest(`Refund amount (${value}) is greater than unrefunded amount on charge (${refundable})`, 'amount_too_large', 'amount');
  assertStep(value, charge.currency, 'amount');

  const created = double.store.put<Refund>(owner, {
    id: stripeId('re'),
    object: 'refund',
    amount: value,
    currency: charge.currency,
    charge: charge.id,
    payment_intent: charge.payment_intent,
    status: 'pending',
    reason: reason ?? null,
    metadata: metadata ?? {},
    created: unixNow(),
  });
  charge.amount_refunded += value;
  charge.refunded = charge.amount_refunded === charge.amount;
  double.events.emit(owner, 'refund.created', created);
  double.events.emit(owner, 'charge.refunded', charge);
  setTimeout(() => {
    const previousStatus = change(created, (settled) => (settled.status = 'succeeded'));
    double.events.emit(owner, 'refund.updated', created, previousStatus);
  }, SETTLES_AFTER_MS);
  return created;
}
