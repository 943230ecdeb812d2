import * as z from 'zod';
import { invalidRequest } from '../errors.ts';
import { assertChargeable, assertCurrency } from '../flows/amounts.ts';
import { expire } from '../flows/checkout.ts';
import { stripeId, unixNow } from '../ids.ts';
import { page, pagingParams } from '../lists.ts';
import type { CheckoutSession, LineItem } from '../objects.ts';
import { integer, metadata, nonNegativeInteger, parseParams, positiveInteger, text } from '../params.ts';
import { route } from '../router.ts';
import { type ApiHandler, noParams, retrieve } from './handler.ts';

/** Ad-hoc prices only (`price_data`): the double has no product catalogue. */
const LineItemParams = z.strictObject({
  quantity: positiveInteger,
  price_data: z.strictObject({
    currency: text,
    unit_amount: nonNegativeInteger,
    product_data: z.strictObject({ name: text, description: z.optional(text), images: z.optional(z.array(z.string())), metadata: z.optional(metadata) }),
    tax_behavior: z.optional(z.enum(['inclusive', 'exclusive', 'unspecified'])),
  }),
});

/** The parameters Portico's hosted, one-off payments use; anything else is refused as unknown, so a call the double cannot honour fails loudly. */
const CreateSession = z.strictObject({
  mode: z.enum(['payment']),
  line_items: z.array(LineItemParams).min(1),
  success_url: z.optional(text),
  cancel_url: z.optional(text),
  client_reference_id: z.optional(z.string().min(1).max(200)),
  customer_email: z.optional(text),
  metadata: z.optional(metadata),
  payment_intent_data: z.optional(
    z.strictObject({
      metadata: z.optional(metadata),
      description: z.optional(text),
      statement_descriptor_suffix: z.optional(z.string().max(22)),
      receipt_email: z.optional(text),
    }),
  ),
  expires_at: z.optional(integer),
  locale: z.optional(text),
  submit_type: z.optional(z.enum(['auto', 'pay', 'book', 'donate'])),
});

/** Stripe lets a session live between 30 minutes and 24 hours (the default). */
const MIN_LIFETIME_SECONDS = 30 * 60;
const MAX_LIFETIME_SECONDS = 24 * 60 * 60;

const createSession: ApiHandler = (double, { owner, params }) => {
  const input = parseParams(CreateSession, params);
  if (owner !== null && !double.store.locate('account', owner)!.value.charges_enabled) {
    throw invalidRequest('This account cannot accept payments yet: its onboarding is not complete (charges_enabled is false).', undefined, 'Stripe-Account');
  }
  const currency = input.line_items[0]!.price_data.currency;
  assertCurrency(currency, 'line_items[0][price_data][currency]');
  if (input.line_items.some((item) => item.price_data.currency !== currency))
    throw invalidRequest('All line items must use the same currency.', undefined, 'line_items');
  const lineItems: LineItem[] = input.line_items.map((item) => ({
    id: stripeId('li'),
    object: 'item',
    description: item.price_data.product_data.name,
    quantity: item.quantity,
    currency,
    amount_subtotal: item.price_data.unit_amount * item.quantity,
    amount_total: item.price_data.unit_amount * item.quantity,
    price: { object: 'price', currency, unit_amount: item.price_data.unit_amount },
  }));
  const total = lineItems.reduce((sum, item) => sum + item.amount_total, 0);
  assertChargeable(total, currency, 'line_items');
  const created = unixNow();
  const expiresAt = input.expires_at ?? created + MAX_LIFETIME_SECONDS;
  if (expiresAt < created + MIN_LIFETIME_SECONDS || expiresAt > created + MAX_LIFETIME_SECONDS) {
    throw invalidRequest('The `expires_at` timestamp must be between 30 minutes and 24 hours from now.', undefined, 'expires_at');
  }

  const id = stripeId('cs_test');
  double.store.sessionDetails.set(id, {
    lineItems,
    paymentIntentMetadata: input.payment_intent_data?.metadata ?? {},
    paymentIntentDescription: input.payment_intent_data?.description ?? null,
  });
  return double.store.put<CheckoutSession>(owner, {
    id,
    object: 'checkout.session',
    mode: 'payment',
    status: 'open',
    payment_status: 'unpaid',
    amount_subtotal: total,
    amount_total: total,
    currency,
    client_reference_id: input.client_reference_id ?? null,
    customer_email: input.customer_email ?? null,
    customer_details: null,
    metadata: input.metadata ?? {},
    payment_intent: null,
    payment_method_types: ['card', 'us_bank_account'],
    locale: input.locale ?? null,
    submit_type: input.submit_type ?? null,
    success_url: input.success_url ?? null,
    cancel_url: input.cancel_url ?? null,
    url: `${double.baseUrl}/c/pay/${id}`,
    expires_at: expiresAt,
    created,
    livemode: false,
  });
};

const ListSessions = z.strictObject({
  status: z.optional(z.enum(['open', 'complete', 'expired'])),
  payment_intent: z.optional(text),
  ...pagingParams,
});

const listSessions: ApiHandler = (double, { owner, params, path }) => {
  const { status, payment_intent, ...paging } = parseParams(ListSessions, params);
  const sessions = double.store
    .list(owner, 'checkout.session')
    .filter((session) => (status === undefined || session.status === status) && (payment_intent === undefined || session.payment_intent === payment_intent));
  return page(sessions, paging, path, 'checkout.session');
};

const expireSession: ApiHandler = (double, { owner, params, pathParams }) => {
  noParams(params);
  return expire(double, double.store.get(owner, 'checkout.session', pathParams.id!).id);
};

const listLineItems: ApiHandler = (double, { owner, params, pathParams, path }) => {
  const paging = parseParams(z.strictObject(pagingParams), params);
  const session = double.store.get(owner, 'checkout.session', pathParams.id!);
  return page(double.store.sessionDetails.get(session.id)!.lineItems, paging, path, 'item');
};

export const checkoutSessionRoutes = [
  route('POST', '/v1/checkout/sessions', createSession),
  route('GET', '/v1/checkout/sessions', listSessions),
  route('GET', '/v1/checkout/sessions/:id', retrieve('checkout.session')),
  route('POST', '/v1/checkout/sessions/:id/expire', expireSession),
  route('GET', '/v1/checkout/sessions/:id/line_items', listLineItems),
];
