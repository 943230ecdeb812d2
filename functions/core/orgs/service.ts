import type { StaffContext, StaffUser } from '../access/context.ts';
import { isTimeZone } from '../calendar.ts';
import { clock } from '../clock.ts';
import { transact } from '../db/transact.ts';
import { NotFound, Unprocessable } from '../errors.ts';
import { newId } from '../ids.ts';
import { getConnection } from '../online-payments/repository.ts';
import { assertTaxRegistrations } from '../parties/tax-ids.ts';
import { claimStep, publicPortalOf, publicPortalStep } from '../portal-names/repository.ts';
import { requirePortalName } from '../portal-names/service.ts';
import { countCreationStep } from './creation-allowance.ts';
import { listMembershipsOf, putMembershipStep } from './membership-repository.ts';
import * as organizations from './repository.ts';
import type { CreateOrganizationInput, Organization, UpdateOrganizationInput } from './schema.ts';
import { onlinePayments, organizationView } from './view.ts';

const DEFAULT_CURRENCY = 'USD';

/** Creates an organization owned by the caller, claiming its portal name and counting it against the caller's daily allowance in the same transaction. */
export async function createOrganization(caller: StaffUser, input: CreateOrganizationInput) {
  const portalName = input.portalName === undefined ? null : requirePortalName(input.portalName);
  if (input.timeZone !== undefined) requireTimeZone(input.timeZone);
  if (input.taxRegistrations) assertTaxRegistrations(input.taxRegistrations);
  const now = clock.iso();
  const organization: Organization = {
    id: newId('org'),
    name: input.name,
    currency: input.currency ?? DEFAULT_CURRENCY,
    ...(input.timeZone !== undefined && { timeZone: input.timeZone }),
    ...(input.address && { address: input.address }),
    ...(input.taxRegistrations && { taxRegistrations: input.taxRegistrations }),
    ...(input.oss !== undefined && { oss: input.oss }),
    branding: input.branding ?? {},
    taxSettings: input.taxSettings ?? {},
    portalName,
    portalEnabled: portalName !== null,
    portalGeneration: 1,
    ...(caller.email ? { replyTo: caller.email.toLowerCase() } : {}),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await transact([
    organizations.putOrganizationStep(organization),
    putMembershipStep({
      orgId: organization.id,
      staffId: caller.staffId,
      role: 'owner',
      ...(caller.email ? { email: caller.email.toLowerCase() } : {}),
      createdAt: now,
    }),
    ...(portalName ? [claimStep(portalName, organization.id, clock.epochSeconds(), publicPortalOf(organization))] : []),
    countCreationStep(caller.staffId),
  ]);
  return organizationView(organization);
}

/** The organizations the caller is a member of, by name. */
export async function listOrganizations(caller: StaffUser) {
  const memberships = await listMembershipsOf(caller.staffId);
  const found = await organizations.getOrganizations(memberships.map((membership) => membership.orgId));
  return found.sort((a, b) => a.name.localeCompare(b.name)).map(organizationView);
}

/** An IANA time zone name the runtime knows, or 422. */
function requireTimeZone(timeZone: string) {
  if (!isTimeZone(timeZone)) {
    throw new Unprocessable('INVALID_TIME_ZONE', 'The time zone is not an IANA time zone name such as Europe/Berlin or Asia/Kolkata.', {
      field: 'timeZone',
    });
  }
}

export async function requireOrganization(orgId: string): Promise<Organization> {
  const organization = await organizations.getOrganization(orgId);
  if (!organization) throw new NotFound('Organization');
  return organization;
}

export async function readOrganization(caller: StaffContext) {
  return organizationView(caller.organization);
}

/**
 * Updates the profile on the version it read: a concurrent edit gets 409, not a
 * silent overwrite. A new name or branding reaches the portal's claim in the
 * same transaction, since the login page reads only the claim.
 */
export async function updateOrganization(caller: StaffContext, input: UpdateOrganizationInput) {
  const current = caller.organization;
  if (Object.keys(input).length === 0) throw new Unprocessable('NOTHING_TO_UPDATE', 'Give at least one field to change.');
  if (input.timeZone !== undefined) requireTimeZone(input.timeZone);
  if (input.taxRegistrations) assertTaxRegistrations(input.taxRegistrations);
  // Whoever turns it on must already pass it, or they would lock themselves out with their own change.
  if (input.requireStaffMfa === true && !caller.secondFactor) {
    throw new Unprocessable(
      'MFA_NOT_ENROLLED',
      'Enrol your own authenticator app (POST /v1/me/mfa) and sign in with its code before requiring MFA of the team.',
    );
  }
  // Turned on only once the connected account can take charges, as Portico last saw it (GET …/stripe asks Stripe again).
  if (input.onlinePayments?.enabled === true && !(await getConnection(caller.orgId))?.chargesEnabled) {
    throw new Unprocessable(
      'STRIPE_NOT_READY',
      'Connect a Stripe account (POST /v1/orgs/{orgId}/stripe/connect) and finish its onboarding before turning online payments on; GET /v1/orgs/{orgId}/stripe shows when it can take charges.',
      { field: 'onlinePayments.enabled' },
    );
  }
  const fields: Partial<Organization> = {
    ...input,
    branding: input.branding ? { ...current.branding, ...input.branding } : undefined,
    taxSettings: input.taxSettings ? { ...current.taxSettings, ...input.taxSettings } : undefined,
    onlinePayments: input.onlinePayments ? { ...onlinePayments(current), ...input.onlinePayments } : undefined,
    updatedAt: clock.iso(),
  };
  if (!current.portalName || (input.name === undefined && input.branding === undefined)) {
    return organizationView(await organizations.updateOrganization(caller.orgId, fields, current.version));
  }
  const changed = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const updated: Organization = { ...current, ...changed, version: current.version + 1 };
  await transact([
    organizations.updateOrganizationStep(caller.orgId, fields, current.version),
    publicPortalStep(current.portalName, caller.orgId, publicPortalOf(updated)),
  ]);
  return organizationView(updated);
}
