import { NotFound } from '../errors.ts';
import { getOrganization } from '../orgs/repository.ts';
import type { Organization } from '../orgs/schema.ts';
import { brandingView, portalUrl } from '../orgs/view.ts';
import { getPortalNameClaim, type PortalNameClaim, publicPortalOf } from './repository.ts';

/** The organization behind a portal URL; unknown, held and disabled portals are all 404. */
export async function resolvePortal(portalName: string): Promise<Organization> {
  const claim = await getPortalNameClaim(portalName.toLowerCase());
  return livePortal(claim, claim?.state === 'active' ? await getOrganization(claim.orgId) : undefined);
}

/** The claim's organization if the portal is live under that name; 404 otherwise. */
export function livePortal(claim: PortalNameClaim | undefined, organization: Organization | undefined): Organization {
  if (claim?.state !== 'active' || !organization || organization.id !== claim.orgId || !organization.portalEnabled || organization.portalName !== claim.name) {
    throw new NotFound('Portal');
  }
  return organization;
}

/** What the portal's login page shows before anyone signs in: one read of the claim, which carries it. */
export async function publicPortalInfo(portalName: string) {
  const claim = await getPortalNameClaim(portalName.toLowerCase());
  const shown = claim?.state === 'active' ? (claim.public ?? publicPortalOf(livePortal(claim, await getOrganization(claim.orgId)))) : undefined;
  if (!claim || !shown?.enabled) throw new NotFound('Portal');
  return { portalName: claim.name, portalUrl: portalUrl(claim.name), organization: { name: shown.name, branding: brandingView(shown.branding, claim.name) } };
}
