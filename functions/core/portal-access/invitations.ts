import { auditStep, commit } from '../audit/commit.ts';
import { clock } from '../clock.ts';
import { updateContactStep } from '../contacts/repository.ts';
import { DomainError } from '../errors.ts';
import { resolvePortal } from '../portal-names/resolve.ts';
import * as cognito from './cognito.ts';
import { requireCurrentAccess } from './current-access.ts';
import { consumeInvitationStep, getInvitation, invalidInvitation } from './invitation-repository.ts';
import { admit } from './mfa.ts';
import { assertPasswordPolicy } from './password-policy.ts';
import type { AcceptInvitationInput } from './schema.ts';
import { hashOf } from './secret-tokens.ts';
import { guarded } from './throttle.ts';

/**
 * The person follows the invitation link and chooses a password. The token is
 * consumed first, in one transaction with the person becoming active, so two
 * uses of it cannot both succeed; then Cognito gets the password and signs the
 * person in. Used, expired, unknown, revoked (re-granted, disabled) and
 * pre-rename tokens are all refused alike.
 */
export async function acceptInvitation(portalName: string, input: AcceptInvitationInput, sourceIp: string) {
  const organization = await resolvePortal(portalName);
  const tokenHash = hashOf(input.token);
  const now = clock.epochSeconds();
  // The token is the guess: a token that finds no current invitation is a failure counted against it.
  const { contact, person } = await guarded(organization.id, 'invitation', tokenHash, sourceIp, async () => {
    const invitation = await getInvitation(organization.id, tokenHash);
    if (!invitation || invitation.expiresAt <= now || invitation.portalGeneration !== organization.portalGeneration) throw invalidInvitation();
    return requireCurrentAccess(organization, invitation.contactId, invitation.personId, {
      issuedAt: invitation.grantedAt,
      grant: { id: invitation.grantId },
    }).catch((error: unknown) => {
      throw error instanceof DomainError ? invalidInvitation() : error;
    });
  });
  assertPasswordPolicy(input.password);
  const persons = contact.persons.map((candidate) => (candidate.id === person.id ? { ...candidate, portalAccess: 'active' as const } : candidate));
  await commit([
    consumeInvitationStep(organization.id, tokenHash, now),
    updateContactStep(organization.id, contact, { persons, updatedAt: clock.iso() }),
    auditStep(organization.id, { type: 'portal', id: person.id, contactId: contact.id }, 'portal_access.accepted', { type: 'person', id: person.id }),
  ]);
  await cognito.setPassword(person.username!, input.password, true);
  const result = await cognito.signIn(person.username!, input.password);
  if (!('tokens' in result)) throw new Error('A permanent password still asked for a challenge');
  // Where the organization requires MFA, the new password leads into enrolment, as a sign-in does; the email lets the page answer it.
  const admitted = await admit(organization, { contactId: contact.id, personId: person.id, username: person.username! }, result.tokens, false);
  return 'challenge' in admitted ? { ...admitted, email: person.email } : admitted;
}
