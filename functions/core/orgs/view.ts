import { config } from '../config.ts';
import type { Organization } from './schema.ts';

/** The portal's public address: links in emails and the login page live under it. */
export function portalUrl(portalName: string | null): string | null {
  return portalName ? `${config('web').PUBLIC_BASE_URL}/p/${portalName}` : null;
}

/** The organization as the staff API shows it. */
export function organizationView(organization: Organization) {
  return { ...organization, portalUrl: portalUrl(organization.portalName) };
}
