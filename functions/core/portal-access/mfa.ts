import type { PortalContext, StaffContext } from '../access/context.ts';
import { claimsOfSentToken } from '../access/token-claims.ts';
import { auditStep, commit } from '../audit/commit.ts';
import { clock } from '../clock.ts';
import { requireContact, requirePerson } from '../contacts/lookup.ts';
import { getContact, updateContactStep } from '../contacts/repository.ts';
import type { Contact, Person } from '../contacts/schema.ts';
import { type TransactionStep, transact } from '../db/transact.ts';
import { Conflict, Unprocessable } from '../errors.ts';
import { log } from '../log.ts';
import { answeredSessionStep, portalCodeStep } from '../mfa-replay/repository.ts';
import type { Organization } from '../orgs/schema.ts';
import * as cognito from './cognito.ts';
import { accessRevoked } from './current-access.ts';
import type { PortalLogin } from './login-repository.ts';
import { consumePendingSetupStep, getPendingSetup, MFA_SETUP_SECONDS, putPendingSetup, setupExpired } from './mfa-setup-repository.ts';
import { hashOf, newSecret } from './secret-tokens.ts';
import { startSession } from './session-start.ts';

/** What MFA needs of a portal login. */
export type Login = Pick<PortalLogin, 'contactId' | 'personId' | 'username'>;

/** The person changed in their contact, written on the version read. */
function personStep(orgId: string, contact: Contact, personId: string, change: Partial<Person>): TransactionStep {
  const persons = contact.persons.map((person) => (person.id === personId ? { ...person, ...change } : person));
  return updateContactStep(orgId, contact, { persons, updatedAt: clock.iso() });
}

export async function currentPerson(organization: Organization, login: Login) {
  const contact = await getContact(organization.id, login.contactId);
  const person = contact?.persons.find((candidate) => candidate.id === login.personId);
  if (!contact || !person) throw accessRevoked();
  return { contact, person };
}

/**
 * Cognito authenticated the person; does the organization let them in yet?
 * Where it requires MFA, only a sign-in that answered a TOTP challenge of an
 * enrolment Portico knows about is let in (a person who turned TOTP off at
 * Cognito directly, or was reset by staff, enrols again). Otherwise the tokens
 * are held and the answer is the MFA_SETUP challenge.
 */
export async function admit(organization: Organization, login: Login, tokens: cognito.Tokens, viaTotp: boolean) {
  if ((organization.portalMfa ?? 'off') === 'required') {
    const { person } = await currentPerson(organization, login);
    if (!viaTotp || person.mfaEnrolledAt === undefined) {
      const { secret, hash } = newSecret();
      await putPendingSetup(organization.id, hash, { ...login, tokens, expiresAt: clock.epochSeconds() + MFA_SETUP_SECONDS });
      return { challenge: 'MFA_SETUP' as const, session: secret };
    }
  }
  return startSession(organization, login, tokens);
}

/** The code a person's answer was accepted with, once: a used one is refused as a wrong one. */
const usedCode = (orgId: string, personId: string, code: string, now: number) => portalCodeStep(orgId, personId, code, now, cognito.invalidCredentials);

/**
 * A sign-in's TOTP challenge. Cognito checks the code; Portico then records the
 * code and the challenge session as answered, in one transaction, so neither
 * works twice (cognito-local keeps no such record; AWS refuses both itself,
 * as a wrong code). Of two answers at once only one commits; tokens Cognito
 * issued to a refused one are never handed out, and their refresh token is revoked.
 */
export async function answerTotpChallenge(organization: Organization, login: Login, session: string, code: string) {
  const tokens = await cognito.answerTotp(login.username, session, code);
  const now = clock.epochSeconds();
  try {
    await transact([
      usedCode(organization.id, login.personId, code, now),
      answeredSessionStep(organization.id, hashOf(session), now, cognito.invalidCredentials),
    ]);
  } catch (error) {
    if (tokens.refreshToken)
      await cognito.revoke(tokens.refreshToken).catch((revokeError: unknown) => log.warn('refused sign-in not revoked', {}, revokeError));
    throw error;
  }
  return admit(organization, login, tokens, true);
}

/** The held sign-in of this login behind a setup session. */
export async function heldSignIn(organization: Organization, login: Login, session: string) {
  const setup = await getPendingSetup(organization.id, hashOf(session), clock.epochSeconds());
  if (!setup || setup.personId !== login.personId) throw setupExpired();
  return setup;
}

/** MFA_SETUP with the authenticator's first code: enrolled, and the held sign-in becomes a session. */
export async function completeSetupChallenge(organization: Organization, login: Login, session: string, code: string) {
  const { tokens } = await heldSignIn(organization, login, session);
  await cognito.verifyTotp(tokens.accessToken, code);
  const { contact } = await currentPerson(organization, login);
  const now = clock.epochSeconds();
  // The held sign-in answered its first code: it, and what follows, passed the second factor.
  const heldAuthTime = Number(claimsOfSentToken(tokens.idToken, 'The held sign-in has no ID token.').auth_time);
  await commit([
    usedCode(organization.id, login.personId, code, now),
    consumePendingSetupStep(organization.id, hashOf(session), now),
    personStep(organization.id, contact, login.personId, { mfaEnrolledAt: now, mfaSignInsFrom: Number.isInteger(heldAuthTime) ? heldAuthTime : now + 1 }),
    auditStep(organization.id, { type: 'portal', id: login.personId, contactId: contact.id }, 'portal_mfa.enrolled', { type: 'person', id: login.personId }),
  ]);
  return startSession(organization, login, tokens);
}

/** The access token a signed-in person sends for the enrolment calls must be their own. */
export function ownAccessToken(caller: PortalContext, accessToken: string): string {
  const message = 'Send the access token of this sign-in.';
  const claims = claimsOfSentToken(accessToken, message);
  if (claims.token_use !== 'access' || claims.username !== caller.person.username) throw new Unprocessable('INVALID_ACCESS_TOKEN', message);
  return accessToken;
}

const notEnrolled = { mfaEnrolledAt: undefined, mfaSignInsFrom: undefined };

export const mfaOff = () => new Unprocessable('MFA_OFF', 'This portal does not use a second factor.');

/** A signed-in person confirms an authenticator (mfa-enrolment.ts began it) with its first code. */
export async function completeEnrolment(caller: PortalContext, accessToken: string, code: string) {
  if ((caller.organization.portalMfa ?? 'off') === 'off') throw mfaOff();
  await cognito.verifyTotp(ownAccessToken(caller, accessToken), code);
  const now = clock.epochSeconds();
  // This session signed in without a code: only the sign-ins after it count as second-factor ones.
  await commit([
    usedCode(caller.orgId, caller.personId, code, now),
    personStep(caller.orgId, caller.contact, caller.personId, { mfaEnrolledAt: now, mfaSignInsFrom: now + 1 }),
    auditStep(caller.orgId, caller, 'portal_mfa.enrolled', { type: 'person', id: caller.personId }),
  ]);
  return { enrolled: true as const };
}

/** A person turns their second factor off, unless the organization requires it. */
export async function removeEnrolment(caller: PortalContext, accessToken: string): Promise<void> {
  if (caller.organization.portalMfa === 'required')
    throw new Conflict('MFA_REQUIRED_BY_ORGANIZATION', 'This portal requires a second factor; it cannot be turned off.');
  await cognito.disableTotp(ownAccessToken(caller, accessToken));
  await commit([
    personStep(caller.orgId, caller.contact, caller.personId, notEnrolled),
    auditStep(caller.orgId, caller, 'portal_mfa.removed', { type: 'person', id: caller.personId }),
  ]);
}

/** Staff reset a person's second factor (a lost phone): they enrol again at their next sign-in or from their account page. */
export async function resetPersonMfa(caller: StaffContext, contactId: string, personId: string): Promise<void> {
  const contact = await requireContact(caller.orgId, contactId);
  const person = requirePerson(contact, personId);
  await commit([
    personStep(caller.orgId, contact, personId, notEnrolled),
    auditStep(caller.orgId, caller, 'portal_mfa.reset', { type: 'person', id: personId }),
  ]);
  if (person.username) await cognito.resetTotp(person.username);
}
