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
