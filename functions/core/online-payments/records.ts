/**
 * What Portico stores about online payments. Money from Stripe belongs to the
 * organization whose connected account sent the event: an event finds its
 * organization through the account link, and its documents and amounts
 * through the checkout record Portico wrote, never through metadata.
 */

/** Global, like a portal-name claim: connected account → organization. Written once, when the account is created. */
export interface StripeAccountLink {
  accountId: string;
  orgId: string;
  createdAt: string;
}

/** The organization's connection, on its partition; `account.updated` keeps it current. */
export interface StripeConnection {
  orgId: string;
  accountId: string;
  chargesEnabled: boolean;
  detailsSubmitted: boolean;
  updatedAt: string;
  version: number;
}

/**
 * One onboarding link's way back (`STRIPE_ONBOARDING#<sha256(secret)>`): Stripe
 * sends the owner to a public page whose address carries `<orgId>.<secret>`;
 * the page finds this inside the organization, so the address proves nothing
 * without the secret. Kept until `expiresAt` (TTL).
 */
export interface StripeOnboardingState {
  orgId: string;
  accountId: string;
  createdAt: string;
  /** Epoch seconds. */
  expiresAt: number;
}

/** How much of a checkout goes to one document (minor units of the checkout's currency). */
export interface Allocation {
  docId: string;
  amount: number;
}

export const checkoutStatuses = ['open', 'complete', 'expired'] as const;

/** A Checkout Session Portico created on a connected account: the only source of which documents an event pays, and how much. */
export interface CheckoutRecord {
  sessionId: string;
  orgId: string;
  accountId: string;
  contactId: string;
  /** The portal person who started it. */
  personId: string;
  currency: string;
  allocations: Allocation[];
  /** The sum of the allocations. */
  total: number;
  status: (typeof checkoutStatuses)[number];
  url: string;
  paymentIntentId?: string;
  createdAt: string;
  /** Epoch seconds: Stripe's own expiry of the session. */
  sessionExpiresAt: number;
}

/** A checkout in a person's list of open ones: enough to order them (oldest first) and look each up. */
export interface OpenCheckout {
  sessionId: string;
  createdAt: string;
}

/** The Checkout Sessions a portal person holds open, oldest first (`PERSON_CHECKOUTS#<personId>`), replaced on its version. */
export interface PersonCheckouts {
  orgId: string;
  personId: string;
  sessions: OpenCheckout[];
  version: number;
}

/** How the money of a checkout stands (set by its events): a bank payment completes `unpaid` and settles later, or fails. */
export type CheckoutPaymentStatus = 'unpaid' | 'paid' | 'failed';

/**
 * Money of one payment intent applied to one document (`STRIPE_PAYMENT#<pi>#<docId>`):
 * written once, in the payment's transaction, so every event that brings the
 * same money finds it there; refunds and disputes count against it.
 */
export interface AppliedStripePayment {
  orgId: string;
  paymentIntentId: string;
  chargeId?: string;
  sessionId: string;
  docId: string;
  contactId: string;
  currency: string;
  /** The payment item on the document, when money was applied to it (absent when all of it became credit). */
  paymentId?: string;
  /** Applied to the document. */
  amount: number;
  /** Put on the contact's credit because the document no longer owed it. */
  credited: number;
  /** Refunded so far, and reversed by a lost dispute: together never more than `amount`. */
  refunded: number;
  reversed: number;
  /** Of `credited`, what refunds and lost disputes took back (absent on money applied before it was counted). */
  creditTakenBack?: number;
  /** A refund staff asked for and Stripe has not reported yet. */
  refundRequested: number;
  version: number;
}

/**
 * The lookup of a payment by its id (refunds): the document and, for money
 * paid online, the payment intent of the applied money it belongs to. Offline
 * payments have one without a payment intent: there is nothing to ask Stripe for.
 */
export interface PaymentRef {
  paymentId: string;
  docId: string;
  paymentIntentId?: string;
}

/** Declared here, beside the other event-driven fields: how the checkout's money stands. */
export interface CheckoutRecord {
  paymentStatus?: CheckoutPaymentStatus;
}
