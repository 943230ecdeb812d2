import type { StaffContext, StaffUser } from '../access/context.ts';
import { auditStep, commit } from '../audit/commit.ts';
import { isTimeZone } from '../calendar.ts';
import { clock } from '../clock.ts';
import { NotFound, Unprocessable } from '../errors.ts';
import { newId } from '../ids.ts';
import { getConnection } from '../online-payments/repository.ts';
import { assertTaxRegistrations } from '../parties/tax-ids.ts';
import { claimStep, publicPortalOf, publicPortalStep } from '../portal-names/repository.ts';
import { requirePortalName } from '../portal-names/service.ts';
import { reminderOrganizationStep } from '../reminders/repository.ts';
import { changedReminderSettings, reminderSettings } from '../reminders/settings.ts';
import { countCreationStep } from './creation-allowance.ts';
import { assertEInvoicingSettings, changedEInvoicingSettings } from './einvoicing.ts';
import { listMembershipsOf, putMembershipStep } from './membership-repository.ts';
import * as organizations from './repository.ts';
import type { CreateOrganizationInput, Organization, StoredBranding, UpdateOrganizationInput } from './schema.ts';
import { onlinePayments, organizationView } from './view.ts';

const DEFAULT_CURRENCY = 'USD';

const organizationSubject = (orgId: string) => ({ type: 'organization', id: orgId });

/** Creates an organization owned by the caller, claiming its portal name and counting it against the caller's daily allowance in the same transaction. */
export async function createOrganization(caller: StaffUser, input: CreateOrganizationInput) {
  const portalName = input.portalName === undefined ? null : requirePortalName(input.portalName);
  if (input.timeZone !== undefined) requireTimeZone(input.timeZone);
  if (input.taxRegistrations) assertTaxRegistrations(input.taxRegistrations);
  if (input.einvoicing) assertEInvoicingSettings(input.einvoicing);
  const now = clock.iso();
  const organization: Organization = {
    id: newId('org'),
    name: input.name,
    currency: input.currency ?? DEFAULT_CURRENCY,
    ...(input.timeZone !== undefined && { timeZone: input.timeZone }),
    ...(input.language !== undefined && { language: input.language }),
    ...(input.address && { address: input.address }),
    ...(input.taxRegistrations && { taxRegistrations: input.taxRegistrations }),
    ...(input.oss !== undefined && { oss: input.oss }),
    ...(input.einvoicing && { einvoicing: changedEInvoicingSettings(undefined, input.einvoicing) }),
    branding: input.branding?.color ? { color: input.branding.color } : {},
    taxSettings: input.taxSettings ?? {},
    portalName,
    portalEnabled: portalName !== null,
    portalGeneration: 1,
    ...(caller.email ? { replyTo: caller.email.toLowerCase() } : {}),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await commit([
    organizations.putOrganizationStep(organization),
    auditStep(organization.id, { type: 'staff', id: caller.staffId, role: 'owner' }, 'organization.created', organizationSubject(organization.id)),
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

/** Staff set the colour; the logo is uploaded (branding/logo-service.ts); a stored `logoUrl` from before uploads is dropped, never read. */
function brandingWith(current: StoredBranding, input: { color?: string | null | undefined }): StoredBranding {
  const { logoUrl: _retired, ...kept } = current as StoredBranding & { logoUrl?: unknown };
  return { ...kept, ...(input.color !== undefined && { color: input.color }) };
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
  if (input.einvoicing) assertEInvoicingSettings(input.einvoicing);
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
    branding: input.branding ? brandingWith(current.branding, input.branding) : undefined,
    taxSettings: input.taxSettings ? { ...current.taxSettings, ...input.taxSettings } : undefined,
    einvoicing: input.einvoicing ? changedEInvoicingSettings(current.einvoicing, input.einvoicing) : undefined,
    onlinePayments: input.onlinePayments ? { ...onlinePayments(current), ...input.onlinePayments } : undefined,
    reminders: input.reminders ? changedReminderSettings(reminderSettings(current), input.reminders, input.currency ?? current.currency) : undefined,
    updatedAt: clock.iso(),
  };
  return writeOrganization(caller, fields);
}

/**
 * Writes changed fields on the version read (409 on a concurrent edit), with its audit entry. A change the login
 * page shows (name, branding) reaches the portal's claim in the same transaction, since the login page reads only
 * the claim; a change of reminders moves the organization in or out of the hourly run's list in it too.
 */
export async function writeOrganization(caller: StaffContext, fields: Partial<Organization>, action = 'organization.updated') {
  const current = caller.organization;
  const portalChanged = current.portalName !== null && (fields.name !== undefined || fields.branding !== undefined);
  const changed = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const updated: Organization = { ...current, ...changed, version: current.version + 1 };
  await commit([
    organizations.updateOrganizationStep(current.id, fields, current.version),
    ...(portalChanged && current.portalName ? [publicPortalStep(current.portalName, current.id, publicPortalOf(updated))] : []),
    // The hourly run visits exactly the organizations with reminders on.
    ...(fields.reminders ? [reminderOrganizationStep(current.id, fields.reminders.enabled)] : []),
    auditStep(current.id, caller, action, organizationSubject(current.id)),
  ]);
  return organizationView(updated);
}
