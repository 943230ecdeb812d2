import { getContact } from '../contacts/repository.ts';
import { type Contact, hasAccess, type Person } from '../contacts/schema.ts';
import { Unauthorized } from '../errors.ts';
import type { Organization } from '../orgs/schema.ts';

export const accessRevoked = () =>
  new Unauthorized('This portal access was disabled or belongs to an earlier portal address; ask for a new invitation.', 'PORTAL_ACCESS_REVOKED');

export const signedOutEverywhere = () => new Unauthorized('This session was ended; sign in again.', 'SESSION_ENDED');

export interface IssuedUnder {
  /** Epoch seconds the credential (ID token, session, invitation) was issued: grants after it revoke it. */
  issuedAt?: number;
  /** The portal-pool user the credential was issued to: a re-enabled person has a new one. */
  username?: string;
}

/**
 * The person behind a portal credential, if the access it was issued under
 * still holds: not disabled, of the organization's current portal generation,
 * and not re-granted since.
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
  if (issued.issuedAt !== undefined && issued.issuedAt < (person.accessGrantedAt ?? 0)) throw accessRevoked();
  // Token times are whole seconds: a sign-out everywhere also ends sign-ins of its own second.
  if (issued.issuedAt !== undefined && person.sessionsEndedAt !== undefined && issued.issuedAt <= person.sessionsEndedAt) throw signedOutEverywhere();
  return { contact, person };
}
