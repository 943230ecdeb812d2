import type { ServerResponse } from 'node:http';
import type { Double } from '../double.ts';
import { StripeApiError } from '../errors.ts';
import { decodeForm } from '../form.ts';
import { redirect, sendHtml } from '../http.ts';
import { matchRoute, route } from '../router.ts';
import { cancelCheckout, showCheckout, submitCheckout } from './checkout-page.ts';
import { escapeHtml, type HtmlPage, layout, type PageHandler } from './layout.ts';
import { showOnboarding, submitOnboarding } from './onboarding-page.ts';

/** The pages a browser sees: Stripe's hosted checkout at `/c/pay/…` (as on checkout.stripe.com) and Connect onboarding. */
const pageRoutes = [
  route<PageHandler>('GET', '/c/pay/:id', showCheckout),
  route<PageHandler>('POST', '/c/pay/:id', submitCheckout),
  route<PageHandler>('GET', '/c/pay/:id/cancel', cancelCheckout),
  route<PageHandler>('GET', '/connect/onboarding/:token', showOnboarding),
  route<PageHandler>('POST', '/connect/onboarding/:token', submitOnboarding),
];

export function servePage(double: Double, method: string, response: ServerResponse, url: URL, body: string) {
  const match = matchRoute(pageRoutes, method, url.pathname);
  const send = (page: HtmlPage) => sendHtml(response, page.status, page.html);
  if (!match) return send(layout('Not found', '<p>The local Stripe double has no such page.</p>', 404));
  try {
    const result = match.handler(double, { pathParams: match.pathParams, form: decodeForm(body) });
    if ('redirect' in result) return redirect(response, result.redirect);
    send(result);
  } catch (error) {
    // A session paid twice, a link for a deleted account: the refusal Stripe's API would give, as a page.
    if (!(error instanceof StripeApiError)) throw error;
    send(layout('Cannot do that', `<p>${escapeHtml(error.message)}</p>`, error.status));
  }
}
