import type Stripe from 'stripe';
import { NotFound } from '../errors.ts';
import { callStripe } from './call.ts';

/** An organization's own Stripe account (Standard), as Portico needs to know it. */
export interface ConnectedAccount {
  accountId: string;
  chargesEnabled: boolean;
  detailsSubmitted: boolean;
  /** What Stripe still needs from the owner now (`requirements.currently_due`), e.g. `external_account`. */
  currentlyDue: string[];
}

const connectedAccount = (account: Stripe.Account): ConnectedAccount => ({
  accountId: account.id,
  chargesEnabled: account.charges_enabled ?? false,
  detailsSubmitted: account.details_submitted ?? false,
  currentlyDue: account.requirements?.currently_due ?? [],
});

/** Creates a Standard connected account; the same `idempotencyKey` (e.g. per organization) never creates a second one. */
export async function createConnectedAccount(input: { email?: string; metadata: Record<string, string>; idempotencyKey: string }): Promise<ConnectedAccount> {
  const account = await callStripe((stripe) =>
    stripe.accounts.create(
      { type: 'standard', ...(input.email && { email: input.email }), metadata: input.metadata },
      { idempotencyKey: input.idempotencyKey },
    ),
  );
  return connectedAccount(account);
}

export async function retrieveConnectedAccount(accountId: string): Promise<ConnectedAccount> {
  const account = await callStripe((stripe) => stripe.accounts.retrieve(accountId), { resource_missing: () => new NotFound('Stripe account') });
  return connectedAccount(account);
}

/** A one-time link to Stripe's onboarding for the account; Stripe sends the owner to `returnUrl` when done, to `refreshUrl` when the link is stale. */
export async function createOnboardingLink(input: { accountId: string; refreshUrl: string; returnUrl: string }): Promise<{ url: string; expiresAt: string }> {
  const link = await callStripe(
    (stripe) =>
      stripe.accountLinks.create({ account: input.accountId, type: 'account_onboarding', refresh_url: input.refreshUrl, return_url: input.returnUrl }),
    { resource_missing: () => new NotFound('Stripe account') },
  );
  return { url: link.url, expiresAt: new Date(link.expires_at * 1000).toISOString() };
}
