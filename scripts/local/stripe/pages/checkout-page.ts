import { formatMoney } from '../../../../functions/core/money/currency.ts';
import { fromStripeAmount } from '../../../../functions/core/money/stripe-amounts.ts';
import type { Double } from '../double.ts';
import { expire, pay, sessionById } from '../flows/checkout.ts';
import type { CheckoutSession } from '../objects.ts';
import { escapeHtml, layout, type PageHandler } from './layout.ts';

const money = (amount: number, currency: string) => formatMoney(fromStripeAmount(amount, currency.toUpperCase()), currency.toUpperCase());

/** Stripe fills `{CHECKOUT_SESSION_ID}` in the URLs it sends the customer back to. */
const withSessionId = (url: string, sessionId: string) => url.replaceAll('{CHECKOUT_SESSION_ID}', sessionId);

function merchantName(double: Double, owner: string | null) {
  if (owner === null) return 'the platform';
  const account = double.store.locate('account', owner)!.value;
  return account.business_profile.name ?? account.id;
}

/** The hosted checkout page: the line items, the total, Pay, a delayed bank payment, and Cancel. */
export const showCheckout: PageHandler = (double, { pathParams }) => {
  const { owner, value: session } = sessionById(double, pathParams.id!);
  if (session.status !== 'open') return closedPage(session);
  const lines = double.store.sessionDetails
    .get(session.id)!
    .lineItems.map((item) => `<tr><td>${escapeHtml(item.description)} × ${item.quantity}</td><td>${money(item.amount_total, item.currency)}</td></tr>`);
  return layout(
    `Pay ${merchantName(double, owner)}`,
    `<table>${lines.join('')}<tr><td><strong>Total</strong></td><td><strong>${money(session.amount_total, session.currency)}</strong></td></tr></table>
<form method="post" action="/c/pay/${session.id}">
<p><label>Email <input type="email" name="email" required value="${escapeHtml(session.customer_email ?? '')}"></label></p>
<button type="submit" name="method" value="card">Pay</button>
<button type="submit" name="method" value="us_bank_account">Pay later (bank transfer)</button>
</form>
<p><a href="/c/pay/${session.id}/cancel">Cancel</a></p>`,
  );
};

/** The Pay buttons: a card pays now, a bank payment completes the session unpaid until it settles (control API). */
export const submitCheckout: PageHandler = (double, { pathParams, form }) => {
  const session = pay(
    double,
    pathParams.id!,
    form.method === 'us_bank_account' ? 'us_bank_account' : 'card',
    typeof form.email === 'string' && form.email ? form.email : undefined,
  );
  return session.success_url ? { redirect: withSessionId(session.success_url, session.id) } : closedPage(session);
};

/** The Cancel link: the session ends (`checkout.session.expired`) and the customer goes back to `cancel_url`. */
export const cancelCheckout: PageHandler = (double, { pathParams }) => {
  const session = expire(double, pathParams.id!);
  return session.cancel_url ? { redirect: withSessionId(session.cancel_url, session.id) } : closedPage(session);
};

function closedPage(session: CheckoutSession) {
  if (session.status === 'expired') return layout('Checkout expired', '<p>This checkout session has expired or was cancelled.</p>');
  const back = session.success_url ? `<p><a href="${escapeHtml(withSessionId(session.success_url, session.id))}">Return to the merchant</a></p>` : '';
  const state = session.payment_status === 'paid' ? 'Payment received.' : 'Payment submitted: it completes when the bank transfer settles.';
  return layout('Checkout complete', `<p>${state}</p>${back}`);
}
