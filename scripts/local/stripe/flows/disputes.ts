import type { Double } from '../double.ts';
import { invalidRequest, resourceMissing } from '../errors.ts';
import { stripeId, unixNow } from '../ids.ts';
import type { Dispute } from '../objects.ts';

/** The customer's bank disputes a charge: `charge.dispute.created`. */
export function openDispute(double: Double, chargeId: string, reason = 'fraudulent'): Dispute {
  const found = double.store.locate('charge', chargeId);
  if (!found) throw resourceMissing('charge', chargeId);
  const { owner, value: charge } = found;
  if (charge.status !== 'succeeded' || charge.disputed)
    throw invalidRequest(`Charge ${charge.id} cannot be disputed: it has not succeeded or is already disputed.`, undefined, 'charge');
  charge.disputed = true;
  const dispute = double.store.put<Dispute>(owner, {
    id: stripeId('dp'),
    object: 'dispute',
    amount: charge.amount - charge.amount_refunded,
    currency: charge.currency,
    charge: charge.id,
    payment_intent: charge.payment_intent,
    reason,
    status: 'needs_response',
    metadata: {},
    created: unixNow(),
    livemode: false,
  });
  double.events.emit(owner, 'charge.dispute.created', dispute);
  return dispute;
}

/** The bank decides: `charge.dispute.closed` with `status` won or lost. */
export function closeDispute(double: Double, disputeId: string, status: 'won' | 'lost'): Dispute {
  const found = double.store.locate('dispute', disputeId);
  if (!found) throw resourceMissing('dispute', disputeId);
  const { owner, value: dispute } = found;
  if (dispute.status !== 'needs_response') throw invalidRequest(`Dispute ${dispute.id} is already closed (${dispute.status}).`, undefined, 'dispute');
  dispute.status = status;
  double.events.emit(owner, 'charge.dispute.closed', dispute);
  return dispute;
}
