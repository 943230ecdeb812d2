import type { Double } from '../double.ts';
import { invalidRequest, resourceMissing } from '../errors.ts';
import { stripeId, unixNow } from '../ids.ts';
import type { Charge, CheckoutSession, Owner, PaymentIntent, PaymentMethodType } from '../objects.ts';

/** A session by id, for whoever owns it: the checkout page and the control API act for the customer. */
export function sessionById(double: Double, id: string): { owner: Owner; value: CheckoutSession } {
  const found = double.store.locate('checkout.session', id);
  if (!found) throw resourceMissing('checkout.session', id);
  return found;
}

function open(double: Double, id: string) {
  const found = sessionById(double, id);
  if (found.value.status !== 'open')
    throw invalidRequest(`This Checkout Session is ${found.value.status}; only open sessions can be paid or cancelled.`, undefined, 'session');
  return found;
}

/**
 * The customer pays. A card settles at once: `checkout.session.completed` with
 * `payment_status: paid`. A bank payment (`us_bank_account`, like ACH Direct
 * Debit) completes the session unpaid, with a pending charge, until `settle`.
 */
export function pay(double: Double, sessionId: string, method: PaymentMethodType, email?: string): CheckoutSession {
  const { owner, value: checkout } = open(double, sessionId);
  const details = double.store.sessionDetails.get(checkout.id)!;
  const created = unixNow();
  const intent = double.store.put<PaymentIntent>(owner, {
    id: stripeId('pi'),
    object: 'payment_intent',
    amount: checkout.amount_total,
    amount_received: 0,
    currency: checkout.currency,
    status: 'processing',
    description: details.paymentIntentDescription,
    latest_charge: null,
    metadata: { ...details.paymentIntentMetadata },
    payment_method_types: [method],
    created,
    livemode: false,
  });
  const charge = double.store.put<Charge>(owner, {
    id: stripeId('ch'),
    object: 'charge',
    amount: intent.amount,
    amount_captured: 0,
    amount_refunded: 0,
    currency: intent.currency,
    status: 'pending',
    paid: false,
    captured: false,
    refunded: false,
    disputed: false,
    failure_code: null,
    payment_intent: intent.id,
    metadata: { ...intent.metadata },
    billing_details: { email: email ?? checkout.customer_email },
    payment_method_details: { type: method },
    created,
    livemode: false,
  });
  intent.latest_charge = charge.id;
  if (method === 'card') succeed(intent, charge);
  Object.assign(checkout, {
    status: 'complete',
    payment_status: method === 'card' ? 'paid' : 'unpaid',
    payment_intent: intent.id,
    customer_details: { email: email ?? checkout.customer_email },
    url: null,
  });
  double.events.emit(owner, 'checkout.session.completed', checkout);
  return checkout;
}

function succeed(intent: PaymentIntent, charge: Charge) {
  Object.assign(charge, { status: 'succeeded', paid: true, captured: true, amount_captured: charge.amount });
  Object.assign(intent, { status: 'succeeded', amount_received: intent.amount });
}

/** A bank payment's outcome, days later on Stripe: `checkout.session.async_payment_succeeded` or `…_failed`. */
export function settle(double: Double, sessionId: string, outcome: 'succeeded' | 'failed'): CheckoutSession {
  const { owner, value: checkout } = sessionById(double, sessionId);
  const intent = checkout.payment_intent ? double.store.get(owner, 'payment_intent', checkout.payment_intent) : undefined;
  if (intent?.status !== 'processing') throw invalidRequest('Only a session paid by bank and still processing can be settled.', undefined, 'session');
  const charge = double.store.get(owner, 'charge', intent.latest_charge!);
  if (outcome === 'succeeded') {
    succeed(intent, charge);
    checkout.payment_status = 'paid';
  } else {
    Object.assign(charge, { status: 'failed', failure_code: 'insufficient_funds' });
    intent.status = 'requires_payment_method';
  }
  double.events.emit(owner, `checkout.session.async_payment_${outcome}`, checkout);
  return checkout;
}

/**
 * Expiry: `POST …/expire`, the page's Cancel link (on Stripe the session
 * would stay open until it lapses; here abandoning it ends it, so the lapse
 * can be tested), or `expires_at` passing.
 */
export function expire(double: Double, sessionId: string): CheckoutSession {
  const { owner, value: checkout } = sessionById(double, sessionId);
  if (checkout.status !== 'open') {
    throw invalidRequest(
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${checkout.status}".`,
      undefined,
      'session',
    );
  }
  Object.assign(checkout, { status: 'expired', url: null });
  double.events.emit(owner, 'checkout.session.expired', checkout);
  return checkout;
}

/** Sessions whose `expires_at` has passed end as Stripe ends them, with an event. */
export function expireDueSessions(double: Double) {
  const now = unixNow();
  for (const due of double.store.all('checkout.session')) if (due.status === 'open' && due.expires_at <= now) expire(double, due.id);
}
