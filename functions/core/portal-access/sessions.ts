import { newId } from '../ids.ts';
import { resolvePortal } from '../portal-names/resolve.ts';
import * as cognito from './cognito.ts';
import { accessRevoked, requireCurrentAccess } from './current-access.ts';
import { getLogin } from './login-repository.ts';
import { admit } from './mfa.ts';
import { assertPasswordPolicy } from './password-policy.ts';
import type { NewPasswordInput, SignInInput } from './schema.ts';
import { hashOf } from './secret-tokens.ts';
import { deleteSession, getSession } from './session-repository.ts';
import { type Client, recordedAttempt } from './sign-in-history.ts';
import { guarded } from './throttle.ts';

/**
 * Email and password sign-in at one organization's portal. The email resolves
 * to that organization's user only, so the same email at another business is
 * another user. An unknown email still costs a Cognito call (for a user that
 * does not exist), so it answers like a wrong password, in about the same time.
 */
export async function signIn(portalName: string, input: SignInInput, client: Client) {
  const organization = await resolvePortal(portalName);
  return guarded(organization.id, 'password', input.email, client.sourceIp, async () => {
    const login = await getLogin(organization.id, input.email);
    return recordedAttempt(login && { orgId: organization.id, personId: login.personId }, client, 'password', async () => {
      const result = await cognito.signIn(login?.username ?? newId('pp'), input.password);
      if (!login) throw cognito.invalidCredentials();
      if (login.portalGeneration !== organization.portalGeneration) throw accessRevoked();
      return 'tokens' in result ? admit(organization, login, result.tokens, false) : result;
    });
  });
}

/**
 * The first sign-in with a staff-set temporary password: the person's own
 * password replaces it. As at sign-in, the answer depends on the session
 * Cognito issued, never on whether the email is known: the policy is checked
 * first, and an unknown email costs the same Cognito call.
 */
export async function completeNewPassword(portalName: string, input: NewPasswordInput, client: Client) {
  const organization = await resolvePortal(portalName);
  assertPasswordPolicy(input.newPassword);
  return guarded(organization.id, 'password', input.email, client.sourceIp, async () => {
    const login = await getLogin(organization.id, input.email);
    return recordedAttempt(login && { orgId: organization.id, personId: login.personId }, client, 'challenge', async () => {
      const tokens = await cognito.completeNewPassword(login?.username ?? newId('pp'), input.session, input.newPassword);
      if (!login) throw cognito.invalidCredentials();
      await requireCurrentAccess(organization, login.contactId, login.personId);
      return admit(organization, login, tokens, false);
    });
  });
}

/** New ID and access tokens, only for a session that was not signed out, of the person's current grant. */
export async function refreshSession(portalName: string, refreshToken: string) {
  const organization = await resolvePortal(portalName);
  const session = await getSession(organization.id, hashOf(refreshToken));
  if (!session) throw accessRevoked();
  await requireCurrentAccess(organization, session.contactId, session.personId, { issuedAt: session.createdAt, grant: { id: session.grantId } });
  return cognito.refresh(refreshToken);
}

/** Signs out: the session is forgotten and Cognito revokes the refresh token. */
export async function signOut(portalName: string, refreshToken: string): Promise<void> {
  const organization = await resolvePortal(portalName);
  await deleteSession(organization.id, hashOf(refreshToken));
  await cognito.revoke(refreshToken);
}
