import { Unprocessable } from '../errors.ts';
import { resolvePortal } from '../portal-names/resolve.ts';
import * as cognito from './cognito.ts';
import { accessRevoked } from './current-access.ts';
import { getLogin } from './login-repository.ts';
import { answerTotpChallenge, completeSetupChallenge } from './mfa.ts';
import { beginSetupChallenge } from './mfa-enrolment.ts';
import type { ChallengeInput } from './schema.ts';
import { completeNewPassword } from './sessions.ts';
import { type Client, recordedAttempt } from './sign-in-history.ts';
import { guarded } from './throttle.ts';

/** A TOTP code is six digits; anything else is refused like a wrong code, which is refused like a wrong password. */
const totpCode = (answer: string | undefined) => {
  if (!answer || !/^\d{6}$/.test(answer)) throw cognito.invalidCredentials();
  return answer;
};

/** One route for every sign-in challenge; each answer that issues tokens or is refused is recorded. */
export async function answerChallenge(portalName: string, input: ChallengeInput, client: Client) {
  if (input.challenge === 'NEW_PASSWORD_REQUIRED') {
    if (input.answer === undefined) throw new Unprocessable('ANSWER_REQUIRED', 'Give the new password as the answer.');
    return completeNewPassword(portalName, { email: input.email, session: input.session, newPassword: input.answer }, client);
  }
  const organization = await resolvePortal(portalName);
  // Asking for the enrolment secret guesses nothing; every answer is a guess, guarded before the lookup.
  if (input.challenge === 'MFA_SETUP' && input.answer === undefined) {
    const login = await getLogin(organization.id, input.email);
    if (!login) throw cognito.invalidCredentials();
    return beginSetupChallenge(organization, login, input.session);
  }
  return guarded(organization.id, 'challenge', input.email, client.sourceIp, async () => {
    const login = await getLogin(organization.id, input.email);
    return recordedAttempt(login && { orgId: organization.id, personId: login.personId }, client, 'challenge', async () => {
      const code = totpCode(input.answer);
      if (!login) throw cognito.invalidCredentials();
      if (login.portalGeneration !== organization.portalGeneration) throw accessRevoked();
      if (input.challenge === 'MFA_SETUP') return completeSetupChallenge(organization, login, input.session, code);
      return answerTotpChallenge(organization, login, input.session, code);
    });
  });
}
