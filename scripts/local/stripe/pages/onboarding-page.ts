import type { Double } from '../double.ts';
import { completeOnboarding } from '../flows/onboarding.ts';
import { unixNow } from '../ids.ts';
import type { AccountLinkRecord } from '../objects.ts';
import { escapeHtml, layout, type PageHandler, type PageResult } from './layout.ts';

/** A link is single use and short-lived; past either, Stripe sends the browser to `refresh_url` for a new one. */
function usableLink(double: Double, token: string): { link?: AccountLinkRecord; result?: PageResult } {
  const link = double.store.accountLinks.get(token);
  if (!link) return { result: layout('Link not found', '<p>This onboarding link does not exist.</p>', 404) };
  if (link.used || link.expiresAt < unixNow()) return { result: { redirect: link.refreshUrl } };
  return { link };
}

/** The onboarding form a business owner fills in on Stripe; here one optional field and a submit button. */
export const showOnboarding: PageHandler = (double, { pathParams }) => {
  const { link, result } = usableLink(double, pathParams.token!);
  if (!link) return result!;
  return layout(
    'Set up payments',
    `<p>Connected account <code>${escapeHtml(link.account)}</code> (Standard).</p>
<form method="post" action="/connect/onboarding/${escapeHtml(pathParams.token!)}">
<p><label>Business name <input name="business_name"></label></p>
<button type="submit">Agree and submit</button>
<button type="submit" name="action" value="leave">Save and leave for now</button>
</form>`,
  );
};

/**
 * Submitting: the account can take charges (`account.updated`), and the browser goes back to `return_url`.
 * Leaving before the end (as on Stripe) also goes back to `return_url`, with the account as it was.
 */
export const submitOnboarding: PageHandler = (double, { pathParams, form }) => {
  const { link, result } = usableLink(double, pathParams.token!);
  if (!link) return result!;
  link.used = true;
  if (form.action === 'leave') return { redirect: link.returnUrl };
  completeOnboarding(double, link.account, typeof form.business_name === 'string' && form.business_name ? form.business_name : undefined);
  return { redirect: link.returnUrl };
};
