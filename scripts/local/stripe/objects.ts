/**
 * The objects the double serves, with the fields Portico reads (Stripe's carry
 * many more). Amounts are in Stripe's unit for the currency; currencies are
 * lowercase ISO codes, as Stripe writes them.
 */

/** Who owns an object: a connected account's id, or null for the platform itself. */
export type Owner = string | null;
export type Metadata = Record<string, string>;

export interface Account {
  id: string;
  object: 'account';
  type: 'standard';
  country: string;
  email: string | null;
  default_currency: string;
  business_profile: { name: string | null; url: string | null };
  charges_enabled: boolean;
  payouts_enabled: boolean;
  details_submitted: boolean;
  requirements: { currently_due: string[]; disabled_reason: string | null };
  metadata: Metadata;
  created: number;
}

/** An onboarding link: single use, valid for a few minutes; a used or expired one sends the browser to `refresh_url`. */
export interface AccountLinkRecord {
  account: string;
  refreshUrl: string;
  returnUrl: string;
  expiresAt: number;
  used: boolean;
}

export interface CheckoutSession {
  id: string;
  object: 'checkout.session';
  mode: 'payment';
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid' | 'no_payment_required';
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  customer_email: string | null;
  customer_details: { email: string | null } | null;
  metadata: Metadata;
  payment_intent: string | null;
  payment_method_types: string[];
  locale: string | null;
  submit_type: string | null;
  success_url: string | null;
  cancel_url: string | null;
  /** The checkout page, while the session is open. */
  url: string | null;
  expires_at: number;
  created: number;
  livemode: false;
}

/** What a session keeps that its object does not show: line items (expandable) and what its payment intent will carry. */
export interface SessionDetails {
  lineItems: LineItem[];
  paymentIntentMetadata: Metadata;
  paymentIntentDescription: string | null;
}

export interface LineItem {
  id: string;
  object: 'item';
  description: string;
  quantity: number;
  currency: string;
  amount_subtotal: number;
  amount_total: number;
  price: { object: 'price'; currency: string; unit_amount: number };
}

export interface PaymentIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: 'processing' | 'succeeded' | 'requires_payment_method';
  description: string | null;
  latest_charge: string | null;
  metadata: Metadata;
  payment_method_types: string[];
  created: number;
  livemode: false;
}

export type PaymentMethodType = 'card' | 'us_bank_account';

export interface Charge {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed';
  paid: boolean;
  captured: boolean;
  refunded: boolean;
  disputed: boolean;
  failure_code: string | null;
  payment_intent: string;
  metadata: Metadata;
  billing_details: { email: string | null };
  payment_method_details: { type: PaymentMethodType };
  created: number;
  livemode: false;
}

export interface Refund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string;
  status: 'pending' | 'succeeded' | 'failed';
  reason: string | null;
  metadata: Metadata;
  created: number;
}

export interface Dispute {
  id: string;
  object: 'dispute';
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string;
  reason: string;
  status: 'needs_response' | 'won' | 'lost';
  metadata: Metadata;
  created: number;
  livemode: false;
}

export interface StripeEvent {
  id: string;
  object: 'event';
  /** Set on a connected account's events: how one Connect endpoint tells accounts apart. */
  account?: string;
  api_version: string;
  created: number;
  data: { object: StripeObject; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  type: string;
}

export type StripeObject = Account | CheckoutSession | PaymentIntent | Charge | Refund | Dispute | StripeEvent;
export type ObjectName = StripeObject['object'];
export type ObjectOf<N extends ObjectName> = Extract<StripeObject, { object: N }>;
