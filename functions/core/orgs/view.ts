import { defaultPermissions } from '../access/permissions.ts';
import { DEFAULT_TIME_ZONE } from '../calendar.ts';
import { config } from '../config.ts';
import type { Address } from '../parties/schema.ts';
import type { OnlinePayments, Organization } from './schema.ts';

/** The portal's public address: links in emails and the login page live under it. */
export function portalUrl(portalName: string | null): string | null {
  return portalName ? `${config('web').PUBLIC_BASE_URL}/p/${portalName}` : null;
}

const paymentsOff: OnlinePayments = { enabled: false, allowPartial: false, minimumPartial: null };

/** The organization's online payment settings; off until a member turns them on. */
export const onlinePayments = (organization: Organization): OnlinePayments => ({ ...paymentsOff, ...organization.onlinePayments });

/** How the portal treats its persons: default permissions and MFA. */
export const portalPolicies = (organization: Organization) => ({
  defaultPermissions: defaultPermissions(organization),
  mfa: organization.portalMfa ?? 'off',
});

/** The organization's postal address, once one was given whole. */
export const addressOf = (organization: Pick<Organization, 'address'>): Address | undefined =>
  organization.address && 'line1' in organization.address ? (organization.address as Address) : undefined;

/** The organization as the staff API shows it. */
export function organizationView(organization: Organization) {
  const { address: _stored, ...fields } = organization;
  const address = addressOf(organization);
  return {
    ...fields,
    ...(address && { address }),
    taxRegistrations: organization.taxRegistrations ?? [],
    oss: organization.oss ?? false,
    timeZone: organization.timeZone ?? DEFAULT_TIME_ZONE,
    portalUrl: portalUrl(organization.portalName),
    onlinePayments: onlinePayments(organization),
    offlinePaymentInstructions: organization.offlinePaymentInstructions ?? null,
    portal: portalPolicies(organization),
    requireStaffMfa: organization.requireStaffMfa ?? false,
  };
}
