import { portalGrantClaim } from '../../../lib/settings/user-pools.ts';
import type { PortalContext, StaffContext, StaffUser } from '../access/context.ts';
import { portalContext } from '../access/portal.ts';
import type { StaffRole } from '../access/roles.ts';
import { staffContext } from '../access/staff.ts';
import { Unauthorized } from '../errors.ts';
import type { Claims } from './event.ts';

/** The staff user behind a token the staff authorizer verified. */
export function staffUser(claims: Claims): StaffUser {
  const staffId = claims.sub;
  if (typeof staffId !== 'string' || staffId === '') throw new Unauthorized();
  return {
    staffId,
    email: typeof claims.email === 'string' ? claims.email : undefined,
    // Cognito's ID tokens carry it as a boolean; some issuers as the string "true".
    emailVerified: claims.email_verified === true || claims.email_verified === 'true',
    authTime: Number.isInteger(Number(claims.auth_time)) ? Number(claims.auth_time) : undefined,
  };
}

/** A staff member of the `{orgId}` in the path, in one of the route's roles. */
export const memberOf = (claims: Claims, orgId: string, allowed: readonly StaffRole[]): Promise<StaffContext> =>
  staffContext(staffUser(claims), orgId, allowed);

const stringClaim = (claims: Claims, name: string) => {
  const value = claims[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** A portal person, from a portal-pool ID token the portal authorizer verified. */
export function portalPersonOf(claims: Claims, portalName: string): Promise<PortalContext> {
  const orgId = stringClaim(claims, 'custom:orgId');
  const contactId = stringClaim(claims, 'custom:contactId');
  const personId = stringClaim(claims, 'custom:personId');
  const issuedAt = Number(claims.iat);
  if (!orgId || !contactId || !personId || claims.token_use !== 'id' || !Number.isInteger(issuedAt)) {
    throw new Unauthorized('A portal ID token is required.');
  }
  const authTime = Number.isInteger(Number(claims.auth_time)) ? Number(claims.auth_time) : undefined;
  return portalContext(
    { orgId, contactId, personId, issuedAt, authTime, grantId: stringClaim(claims, portalGrantClaim), username: stringClaim(claims, 'cognito:username') ?? '' },
    portalName,
  );
}
