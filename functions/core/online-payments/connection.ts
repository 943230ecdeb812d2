import type { StaffContext } from '../access/context.ts';
import { auditStep, commit } from '../audit/commit.ts';
import { clock } from '../clock.ts';
import { config } from '../config.ts';
import { transact } from '../db/transact.ts';
import { Conflict, StaleWrite } from '../errors.ts';
import { newSecret } from '../portal-access/secret-tokens.ts';
import { type ConnectedAccount, createConnectedAccount, createOnboardingLink, retrieveConnectedAccount } from '../stripe/accounts.ts';
import type { StripeConnection } from './records.ts';
import { getConnection, putAccountLinkStep, putNewConnectionStep, putOnboardingState, replaceConnectionStep } from './repository.ts';

/** How long the page an onboarding link returns to keeps working: a Stripe onboarding outlasts its link, and an owner may finish it days later. */
export const ONBOARDING_RETURN_DAYS = 7;

/** The public page Stripe sends the owner back to: `return` when they finish or leave onboarding, `refresh` when the link expired or was used. */
export const onboardingPageUrl = (state: string, outcome: 'return' | 'refresh') => `${config('web').PUBLIC_BASE_URL}/stripe/onboarding/${state}/${outcome}`;

/**
 * Creates the organization's Standard connected account once and answers a
 * fresh onboarding link. The Stripe idempotency key is the organization's id,
 * so concurrent first calls get the same account; the stored connection makes
 * later calls reuse it. Each link returns to a public page of its own
 * (`<orgId>.<secret>`, the secret stored only as its SHA-256), never to a
 * bearer-protected API route the browser cannot call.
 */
export async function connectStripe(staff: StaffContext): Promise<{ url: string }> {
  const connection = (await getConnection(staff.orgId)) ?? (await createConnection(staff));
  const { secret, hash } = newSecret();
  await putOnboardingState(
    { orgId: staff.orgId, accountId: connection.accountId, createdAt: clock.iso(), expiresAt: clock.epochSeconds() + ONBOARDING_RETURN_DAYS * 86_400 },
    hash,
  );
  const state = `${staff.orgId}.${secret}`;
  const link = await createOnboardingLink({
    accountId: connection.accountId,
    refreshUrl: onboardingPageUrl(state, 'refresh'),
    returnUrl: onboardingPageUrl(state, 'return'),
  });
  return { url: link.url };
}

async function createConnection(staff: StaffContext): Promise<StripeConnection> {
  const account = await createConnectedAccount({
    ...(staff.email && { email: staff.email }),
    metadata: { orgId: staff.orgId },
    idempotencyKey: `connect-${staff.orgId}`,
  });
  const now = clock.iso();
  const connection: StripeConnection = {
    orgId: staff.orgId,
    accountId: account.accountId,
    chargesEnabled: account.chargesEnabled,
    detailsSubmitted: account.detailsSubmitted,
    updatedAt: now,
    version: 1,
  };
  try {
    await commit([
      putAccountLinkStep({ accountId: account.accountId, orgId: staff.orgId, createdAt: now }),
      putNewConnectionStep(connection),
      auditStep(staff.orgId, staff, 'stripe.connected', { type: 'stripe_account', id: account.accountId }),
    ]);
    return connection;
  } catch (error) {
    // A concurrent first call stored the same account a moment ago.
    if (!(error instanceof Conflict)) throw error;
    const stored = await getConnection(staff.orgId);
    if (!stored) throw error;
    return stored;
  }
}

/**
 * The organization's connection as it is now, and the account as Stripe
 * answered when it was asked. While the connection cannot take charges yet it
 * is read again from Stripe (and stored when it changed), so finishing
 * onboarding shows at once even before `account.updated` arrives; once it
 * can, `account.updated` keeps it current and Stripe is not asked.
 */
export async function readConnection(orgId: string): Promise<{ connection: StripeConnection; account?: ConnectedAccount } | undefined> {
  const stored = await getConnection(orgId);
  if (!stored || stored.chargesEnabled) return stored && { connection: stored };
  const account = await retrieveConnectedAccount(stored.accountId);
  const next = withAccountState(stored, account);
  if (!next) return { connection: stored, account };
  try {
    await transact([replaceConnectionStep(next, stored.version)]);
    return { connection: next, account };
  } catch (error) {
    // `account.updated` wrote it meanwhile: that copy is as current.
    if (!(error instanceof StaleWrite)) throw error;
    return { connection: (await getConnection(orgId)) ?? next, account };
  }
}

/** The organization's connection as it is now (`readConnection`'s rule). */
export async function currentConnection(orgId: string): Promise<StripeConnection | undefined> {
  return (await readConnection(orgId))?.connection;
}

/** What staff see of the organization's Stripe account. */
export async function readStripeConnection(staff: StaffContext) {
  const connection = await currentConnection(staff.orgId);
  if (!connection) return { connected: false, chargesEnabled: false, detailsSubmitted: false };
  return { connected: true, accountId: connection.accountId, chargesEnabled: connection.chargesEnabled, detailsSubmitted: connection.detailsSubmitted };
}

/** The connection with the account's state as Stripe answers it now; `undefined` when nothing changed. */
export function withAccountState(stored: StripeConnection, account: ConnectedAccount): StripeConnection | undefined {
  if (account.chargesEnabled === stored.chargesEnabled && account.detailsSubmitted === stored.detailsSubmitted) return undefined;
  return { ...stored, chargesEnabled: account.chargesEnabled, detailsSubmitted: account.detailsSubmitted, updatedAt: clock.iso(), version: stored.version + 1 };
}
