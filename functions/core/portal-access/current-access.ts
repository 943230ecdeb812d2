import { getContact } from '../contacts/repository.ts';
import { type Contact, hasAccess, type Person } from '../contacts/schema.ts';
import { Unauthorized } from '../errors.ts';
import type { Organization } from '../orgs/schema.ts';

export const accessRevoked = () =>
  new Unauthorized(
    'This portal access was disabled, granted again since, or belongs to an earlier portal address; sign in again or ask for a new invitation.',
    'PORTAL_ACCESS_REVOKED',
  );

export const signedOutEverywhere = () => new Unauthorized('This session was ended; sign in again.', 'SESSION_ENDED');

export interface IssuedUnder {
  /** Epoch seconds the credential (ID token, session, invitation) was issued: a later sign-out everywhere ends it. */
  issuedAt?: number;
  /**
   * The grant the credential was issued under, checked when given: `id` is its grant id (the ID token's
   * `custom:grantId`, the session's, the invitation's), absent on a credential from before grants had ids.
   */
  grant?: { id: string | undefined };
  /** The portal-pool user the credential was issued to: a re-enabled person has a new one. */
  username?: string;
}

/**
 * Was the credential issued under the person's current grant? By identity: the
 * ids must be the same, so a credential of an earlier grant is refused however
 * close in time. A person last granted before grants had ids has none; for them
 * the grant time still decides (whole seconds), until their next grant.
 */
function underCurrentGrant(person: Person, grantId: string | undefined, issuedAt: number | undefined): boolean {
  if (person.grantId === undefined) return issuedAt !== undefined && issuedAt >= (person.accessGrantedAt ?? 0);
  return grantId === person.grantId;
}

/**
 * The person behind a portal credential, if the access it was issued under
 * still holds: not disabled, of the organization's current portal generation,
 * and of the person's current grant.
 */
export async function requireCurrentAccess(
  organization: Organization,
  contactId: string,
  personId: string,
  issued: IssuedUnder = {},
): Promise<{ contact: Contact; person: Person }> {
  return currentAccess(organization, await getContact(organization.id, contactId), personId, issued);
}

/** The same check on a contact already read. */
export function currentAccess(
  organization: Organization,
  contact: Contact | undefined,
  personId: string,
  issued: IssuedUnder = {},
): { contact: Contact; person: Person } {
  const person = contact?.persons.find((candidate) => candidate.id === personId);
  if (!contact || !person || !hasAccess(person) || person.portalGeneration !== organization.portalGeneration) throw accessRevoked();
  if (issued.username !== undefined && issued.username !== person.username) throw accessRevoked();
  if (issued.grant !== undefined && !underCurrentGrant(person, issued.grant.id, issued.issuedAt)) throw accessRevoked();
  // Token times are whole seconds: a sign-out everywhere also ends sign-ins of its own second.
  if (issued.issuedAt !== undefined && person.sessionsEndedAt !== undefined && issued.issuedAt <= person.sessionsEndedAt) throw signedOutEverywhere();
  return { contact, person };
}
