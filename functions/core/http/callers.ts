import type { Contact, Person } from '../contacts/schema.ts';
import { Unauthorized } from '../errors.ts';
import { requireMembership, type Membership } from '../orgs/membership-repository.ts';
import type { Organization } from '../orgs/schema.ts';
import { currentAccess } from '../portal-access/current-access.ts';
import { readPortalRequest } from '../portal-access/portal-request.ts';
import { livePortal } from '../portal-names/service.ts';
import type { Claims } from './event.ts';

export interface StaffCaller {
  staffId: string;
  email: string | undefined;
}

export interface MemberCaller extends StaffCaller {
  orgId: string;
  role: Membership['role'];
  /** The organization as read with the membership: services use it instead of reading it again. */
  organization: Organization;
}

/** The staff user behind a token the staff authorizer verified. */
export function staffCaller(claims: Claims): StaffCaller {
  const staffId = claims.sub;
  if (typeof staffId !== 'string' || staffId === '') throw new Unauthorized();
  return { staffId, email: typeof claims.email === 'string' ? claims.email : undefined };
}

/** A staff user acting inside `orgId`: only members get past; others see 404 as if it did not exist. */
export async function memberCaller(claims: Claims, orgId: string): Promise<MemberCaller> {
  const staff = staffCaller(claims);
  const { membership, organization } = await requireMembership(orgId, staff.staffId);
  return { ...staff, orgId, role: membership.role, organization };
}

/** A contact person signed in to their organization's portal; every id comes from the verified token. */
export interface PortalCaller {
  orgId: string;
  contactId: string;
  personId: string;
  portalName: string;
  organization: Organization;
  contact: Contact;
  person: Person;
}

const stringClaim = (claims: Claims, name: string) => {
  const value = claims[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/**
 * A portal person, from a portal-pool ID token the portal authorizer verified.
 * The portal in the path must be the token's organization, and the access the
 * token was issued under must still hold (see currentAccess). One round trip.
 */
export async function portalCaller(claims: Claims, portalName: string): Promise<PortalCaller> {
  const orgId = stringClaim(claims, 'custom:orgId');
  const contactId = stringClaim(claims, 'custom:contactId');
  const personId = stringClaim(claims, 'custom:personId');
  const issuedAt = Number(claims.iat);
  if (!orgId || !contactId || !personId || claims.token_use !== 'id' || !Number.isInteger(issuedAt)) {
    throw new Unauthorized('A portal ID token is required.');
  }
  const read = await readPortalRequest(portalName, orgId, contactId);
  if (read.claim?.state === 'active' && read.claim.orgId !== orgId) throw new Unauthorized('This sign-in belongs to another portal.');
  const organization = livePortal(read.claim, read.organization);
  const { contact, person } = currentAccess(organization, read.contact, personId, { issuedAt, username: stringClaim(claims, 'cognito:username') ?? '' });
  return { orgId, contactId, personId, portalName: organization.portalName!, organization, contact, person };
}
