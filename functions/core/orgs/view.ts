import { config } from '../config.ts';
import { defaultPermissions } from '../access/permissions.ts';
import type { Organization } from './schema.ts';

/** The portal's public address: links in emails and the login page live under it. */
export function portalUrl(portalName: string | null): string | null {
  return portalName ? `${config('web').PUBLIC_BASE_URL}/p/${portalName}` : null;
}

/** The organization as the staff API shows it. */
/** How the portal treats its persons: default permissions and MFA. */
export const portalPolicies = (organization: Organization) => ({
  defaultPermissions: defaultPermissions(organization),
  mfa: organization.portalMfa ?? 'off',
});

export function organizationView(organization: Organization) {
  return { ...organization, portalUrl: portalUrl(organization.portalName), portal: portalPolicies(organization) };
}
