import { defaultPermissions } from '../access/permissions.ts';
import { appliedBrandColor } from '../branding/colour.ts';
import { DEFAULT_TIME_ZONE } from '../calendar.ts';
import { config } from '../config.ts';
import { organizationLanguage } from '../contacts/language.ts';
import type { Address } from '../parties/schema.ts';
import { reminderSettings } from '../reminders/settings.ts';
import { eInvoicingView } from './einvoicing.ts';
import type { OnlinePayments, Organization, StoredBranding } from './schema.ts';

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
/** Where Portico serves the organization's logo (GET /v1/portal/{portalName}/logo); `v` is the logo's hash, so the address changes with it. */
export function logoPath(branding: StoredBranding, portalName: string | null): string | null {
  return branding.logo && portalName ? `/v1/portal/${portalName}/logo?v=${branding.logo.sha256.slice(0, 16)}` : null;
}

/** The logo's absolute address, for emails. */
export function logoUrl(branding: StoredBranding, portalName: string | null): string | null {
  const path = logoPath(branding, portalName);
  return path && `${config('web').PUBLIC_BASE_URL}${path}`;
}

/** The branding as pages, emails and PDFs apply it: the colour that passes contrast, and the logo's address. */
export const brandingView = (branding: StoredBranding, portalName: string | null) => ({
  color: branding.color ?? null,
  appliedColor: appliedBrandColor(branding.color),
  logoUrl: logoUrl(branding, portalName),
});

/** The organization as the staff API shows it. */
export function organizationView(organization: Organization) {
  const { address: _stored, ...fields } = organization;
  const address = addressOf(organization);
  return {
    ...fields,
    ...(address && { address }),
    taxRegistrations: organization.taxRegistrations ?? [],
    oss: organization.oss ?? false,
    einvoicing: eInvoicingView(organization.einvoicing),
    branding: brandingView(organization.branding, organization.portalName),
    timeZone: organization.timeZone ?? DEFAULT_TIME_ZONE,
    language: organizationLanguage(organization),
    portalUrl: portalUrl(organization.portalName),
    onlinePayments: onlinePayments(organization),
    offlinePaymentInstructions: organization.offlinePaymentInstructions ?? null,
    portal: portalPolicies(organization),
    requireStaffMfa: organization.requireStaffMfa ?? false,
    reminders: reminderSettings(organization),
  };
}
