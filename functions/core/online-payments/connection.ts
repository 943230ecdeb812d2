import type { StaffContext } from '../access/context.ts';
import { clock } from '../clock.ts';
import { config } from '../config.ts';
import { transact } from '../db/transact.ts';
import { Conflict, StaleWrite } from '../errors.ts';
import { type ConnectedAccount, createConnectedAccount, createOnboardingLink, retrieveConnectedAccount } from '../stripe/accounts.ts';
import type { StripeConnection } from './records.ts';
import { getConnection, putAccountLinkStep, putNewConnectionStep, replaceConnectionStep } from './repository.ts';

/**
 * Creates the organization's Standard connected account once and answers a
 * fresh onboarding link. The Stripe idempotency key is the organization's id,
 * so concurrent first calls get the same account; the stored connection makes
 * later calls reuse it.
 */
export async function connectStripe(staff: StaffContext): Promise<{ url: string }> {
  const connection = (await getConnection(staff.orgId)) ?? (await createConnection(staff));
  const status = `${config('web').PUBLIC_BASE_URL}/v1/orgs/${staff.orgId}/stripe`;
  const link = await createOnboardingLink({ accountId: connection.accountId, refreshUrl: status, returnUrl: status });
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
    await transact([putAccountLinkStep({ accountId: account.accountId, orgId: staff.orgId, createdAt: now }), putNewConnectionStep(connection)]);
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
 * The organization's connection as it is now. While it cannot take charges yet
 * it is read again from Stripe (and stored when it changed), so finishing
 * onboarding shows at once even before `account.updated` arrives.
 */
export async function currentConnection(orgId: string): Promise<StripeConnection | undefined> {
  const stored = await getConnection(orgId);
  if (!stored || stored.chargesEnabled) return stored;
  const next = withAccountState(stored, await retrieveConnectedAccount(stored.accountId));
  if (!next) return stored;
  try {
    await transact([replaceConnectionStep(next, stored.version)]);
    return next;
  } catch (error) {
    // `account.updated` wrote it meanwhile: that copy is as current.
    if (!(error instanceof StaleWrite)) throw error;
    return getConnection(orgId);
  }
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
