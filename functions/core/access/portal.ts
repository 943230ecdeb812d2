import type { Person } from '../contacts/schema.ts';
import { Forbidden, Unauthorized } from '../errors.ts';
import type { Organization } from '../orgs/schema.ts';
import { currentAccess } from '../portal-access/current-access.ts';
import { readPortalRequest } from '../portal-access/portal-request.ts';
import { livePortal } from '../portal-names/resolve.ts';
import type { PortalContext } from './context.ts';
import { permissionsOf } from './permissions.ts';

/** What a verified portal ID token says about its holder. */
export interface PortalToken {
  orgId: string;
  contactId: string;
  personId: string;
  username: string;
  /** Epoch seconds. */
  issuedAt: number;
  /** The grant the token was issued under (`custom:grantId`); absent on tokens of users from before grant ids. */
  grantId: string | undefined;
  /** When the person signed in (`auth_time`, epoch seconds): a refreshed token keeps it. */
  authTime: number | undefined;
}

/**
 * The portal person behind a verified token. The portal in the path must be
 * the token's organization, and the access the token was issued under must
 * still hold (see currentAccess). One round trip.
 */
export async function portalContext(token: PortalToken, portalName: string): Promise<PortalContext> {
  const { orgId, contactId, personId } = token;
  const read = await readPortalRequest(portalName, orgId, contactId);
  if (read.claim?.state === 'active' && read.claim.orgId !== orgId) throw new Unauthorized('This sign-in belongs to another portal.');
  const organization = livePortal(read.claim, read.organization);
  const { contact, person } = currentAccess(organization, read.contact, personId, {
    issuedAt: token.issuedAt,
    grant: { id: token.grantId },
    username: token.username,
  });
  requirePortalSecondFactor(organization, person, token.authTime);
  return {
    kind: 'portal',
    orgId,
    contactId,
    personId,
    name: person.name,
    // From the person read in this round trip: a change applies on the next request.
    permissions: permissionsOf(person),
    portalName: organization.portalName!,
    organization,
    contact,
    person,
  };
}

/**
 * Cognito cannot require MFA per organization (one pool for every portal), so
 * the organization's choice is enforced here, on every request: a token from a
 * sign-in before the person's second factor — refreshed, taken from Cognito
 * directly, or from an invitation or reset — is refused until they sign in
 * with it.
 */
function requirePortalSecondFactor(organization: Organization, person: Person, authTime: number | undefined): void {
  if (organization.portalMfa !== 'required') return;
  const from = person.mfaSignInsFrom ?? (person.mfaEnrolledAt === undefined ? undefined : person.mfaEnrolledAt + 1);
  if (person.mfaEnrolledAt !== undefined && from !== undefined && authTime !== undefined && authTime >= from) return;
  throw new Forbidden(
    'MFA_REQUIRED',
    'This portal requires an authenticator app. Sign in again: signing in leads you through enrolling one, then asks for its code.',
  );
}
