import * as z from 'zod';
import { invalidRequest, resourceMissing } from '../errors.ts';
import { stripeId, unixNow } from '../ids.ts';
import { parseParams, text } from '../params.ts';
import { route } from '../router.ts';
import type { ApiHandler } from './handler.ts';

/** Stripe's account links last a few minutes. */
const LINK_LIFETIME_SECONDS = 300;

const CreateAccountLink = z.strictObject({
  account: text,
  type: z.enum(['account_onboarding', 'account_update']),
  refresh_url: text,
  return_url: text,
  collect: z.optional(z.enum(['currently_due', 'eventually_due'])),
});

/** `{ url }` of the double's onboarding page for the account. */
const createAccountLink: ApiHandler = (double, { owner, params }) => {
  const input = parseParams(CreateAccountLink, params);
  if (owner !== null) throw invalidRequest('Account links are created by the platform, without a Stripe-Account header.');
  if (!double.store.locate('account', input.account)) throw resourceMissing('account', input.account, 'account');
  const token = stripeId('link');
  const created = unixNow();
  double.store.accountLinks.set(token, {
    account: input.account,
    refreshUrl: input.refresh_url,
    returnUrl: input.return_url,
    expiresAt: created + LINK_LIFETIME_SECONDS,
    used: false,
  });
  return { object: 'account_link', created, expires_at: created + LINK_LIFETIME_SECONDS, url: `${double.baseUrl}/connect/onboarding/${token}` };
};

export const accountLinkRoutes = [route('POST', '/v1/account_links', createAccountLink)];
