import type Stripe from 'stripe';
import { NotFound, Unprocessable } from '../errors.ts';
import { amountBelowMinimum, chargeAmount, fromStripeAmount, toStripeAmount } from '../money/stripe-amounts.ts';
import { callStripe } from './call.ts';
import { idOf } from './expandable.ts';

/** One line of a payment, in ISO minor units like every amount Portico keeps. */
export interface CheckoutLine {
  name: string;
  amount: number;
  quantity?: number;
}

export interface NewCheckoutSession {
  accountId: string;
  /** ISO 4217, uppercase as Portico stores it. */
  currency: string;
  lines: CheckoutLine[];
  /** May contain `{CHECKOUT_SESSION_ID}`, which Stripe fills in. */
  successUrl: string;
  cancelUrl: string;
  /** Also set on the payment intent and its charge, so refunds and disputes can be traced back. */
  metadata: Record<string, string>;
  clientReferenceId?: string;
  customerEmail?: string;
  /** Between 30 minutes and 24 hours from now; Stripe's default is 24 hours. */
  expiresAt?: Date;
  idempotencyKey: string;
}

export interface CheckoutSession {
  sessionId: string;
  /** The hosted page, while the session is open. */
  url: string | null;
  status: 'open' | 'complete' | 'expired';
  paymentStatus: 'paid' | 'unpaid' | 'no_payment_required';
  /** In ISO minor units. */
  amountTotal: number;
  currency: string;
  paymentIntentId: string | null;
  clientReferenceId: string | null;
  metadata: Record<string, string>;
  expiresAt: string;
}

/** Stripe writes ISO codes in lowercase; Portico in uppercase. */
const isoCurrency = (stripeCurrency: string) => stripeCurrency.toUpperCase();

function checkoutSession(session: Stripe.Checkout.Session): CheckoutSession {
  const currency = isoCurrency(session.currency ?? '');
  return {
    sessionId: session.id,
    url: session.url ?? null,
    // The SDK's enums are open-ended; these are every value Stripe documents.
    status: (session.status ?? 'open') as CheckoutSession['status'],
    paymentStatus: session.payment_status as CheckoutSession['paymentStatus'],
    amountTotal: fromStripeAmount(session.amount_total ?? 0, currency),
    currency,
    paymentIntentId: idOf(session.payment_intent),
    clientReferenceId: session.client_reference_id ?? null,
    metadata: session.metadata ?? {},
    expiresAt: new Date(session.expires_at * 1000).toISOString(),
  };
}

const sessionNotFound = { resource_missing: () => new NotFound('Checkout session') };

/**
 * A hosted Checkout Session on the organization's own account. Amounts are
 * converted to Stripe's unit per currency (JPY in yen, KWD in fils ending in 0)
 * and refused below Stripe's minimum before Stripe is asked.
 */
export async function createCheckoutSession(input: NewCheckoutSession): Promise<CheckoutSession> {
  const total = input.lines.reduce((sum, line) => sum + line.amount * (line.quantity ?? 1), 0);
  chargeAmount(total, input.currency);
  const currency = input.currency.toLowerCase();
  const session = await callStripe(
    (stripe) =>
      stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: input.lines.map((line) => ({
            quantity: line.quantity ?? 1,
            price_data: { currency, unit_amount: toStripeAmount(line.amount, input.currency), product_data: { name: line.name } },
          })),
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
          metadata: input.metadata,
          payment_intent_data: { metadata: input.metadata },
          ...(input.clientReferenceId && { client_reference_id: input.clientReferenceId }),
          ...(input.customerEmail && { customer_email: input.customerEmail }),
          ...(input.expiresAt && { expires_at: Math.floor(input.expiresAt.getTime() / 1000) }),
        },
        { stripeAccount: input.accountId, idempotencyKey: input.idempotencyKey },
      ),
    {
      // Where Stripe converts to USD at the day's rate, only it knows the minimum.
      amount_too_small: () => amountBelowMinimum(input.currency),
      amount_too_large: () => new Unprocessable('AMOUNT_ABOVE_MAXIMUM', 'The amount is more than Stripe charges in one payment.', { currency: input.currency }),
    },
  );
  return checkoutSession(session);
}

export async function retrieveCheckoutSession(accountId: string, sessionId: string): Promise<CheckoutSession> {
  return checkoutSession(await callStripe((stripe) => stripe.checkout.sessions.retrieve(sessionId, undefined, { stripeAccount: accountId }), sessionNotFound));
}

/** One page of the account's sessions, newest first: e.g. the open ones of a payment intent, or all open ones to expire. */
export async function listCheckoutSessions(
  accountId: string,
  filter: { status?: CheckoutSession['status']; paymentIntentId?: string; limit?: number; startingAfter?: string } = {},
): Promise<{ sessions: CheckoutSession[]; hasMore: boolean }> {
  const page = await callStripe((stripe) =>
    stripe.checkout.sessions.list(
      {
        ...(filter.status && { status: filter.status }),
        ...(filter.paymentIntentId && { payment_intent: filter.paymentIntentId }),
        ...(filter.limit && { limit: filter.limit }),
        ...(filter.startingAfter && { starting_after: filter.startingAfter }),
      },
      { stripeAccount: accountId },
    ),
  );
  return { sessions: page.data.map(checkoutSession), hasMore: page.has_more };
}

/**
 * Ends an open session so it can no longer be paid. A session that is no
 * longer open (paid a moment ago, or already expired) is answered as it is:
 * the caller decides from its status.
 */
export async function expireCheckoutSession(accountId: string, sessionId: string): Promise<CheckoutSession> {
  try {
    return checkoutSession(await callStripe((stripe) => stripe.checkout.sessions.expire(sessionId, undefined, { stripeAccount: accountId }), sessionNotFound));
  } catch (error) {
    const now = await retrieveCheckoutSession(accountId, sessionId);
    if (now.status !== 'open') return now;
    throw error;
  }
}
