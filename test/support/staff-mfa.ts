import { CognitoIdentityProviderClient, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as OTPAuth from 'otpauth';
import { localClientConfig } from '../../scripts/local/aws-local.ts';
import { local } from './local.ts';
import { STAFF_PASSWORD } from './staff.ts';

/** The code an authenticator app with this secret shows now (or `offset` periods away). */
export const totpCode = (secretCode: string, offset = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secretCode) }).generate({ timestamp: Date.now() + offset * 30_000 });

/** A six-digit code that is not valid now, nor in the neighbouring periods. */
export const wrongTotpCode = (secretCode: string) => {
  const valid = new Set([-1, 0, 1].map((offset) => totpCode(secretCode, offset)));
  return ['000000', '111111', '222222', '333333'].find((code) => !valid.has(code))!;
};

/**
 * Signs a staff user in to the staff pool as the staff client does: with the
 * password, and the authenticator's code when the pool asks for one. Both tokens:
 * the ID token authorizes requests, the access token enrols TOTP.
 */
export async function staffSignIn(email: string, secretCode?: string): Promise<{ idToken: string; accessToken: string; askedForCode: boolean }> {
  const { endpoint, staff } = local().cognito;
  const cognito = new CognitoIdentityProviderClient(localClientConfig(endpoint));
  let answer = await cognito.send(
    new InitiateAuthCommand({ ClientId: staff.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: STAFF_PASSWORD } }),
  );
  const askedForCode = answer.ChallengeName === 'SOFTWARE_TOKEN_MFA';
  if (askedForCode) {
    if (!secretCode) throw new Error('the pool asked for a TOTP code');
    answer = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: staff.clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: answer.Session,
        ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: totpCode(secretCode) },
      }),
    );
  }
  const result = answer.AuthenticationResult;
  if (!result?.IdToken || !result.AccessToken) throw new Error(`no tokens: ${answer.ChallengeName}`);
  return { idToken: result.IdToken, accessToken: result.AccessToken, askedForCode };
}

/**
 * An authenticator app whose codes a test uses at most once each: Portico refuses a used code. Cognito (and
 * cognito-local) accept the neighbouring time steps' codes too, so it hands out the current code, then the next
 * step's, then the previous step's (not in a step's last seconds, when that one is about to lapse), and waits for
 * a new step only when those are used.
 */
export function authenticator(secretCode: string) {
  const used = new Set<string>();
  return {
    async code(): Promise<string> {
      for (;;) {
        const offsets = Date.now() % 30_000 < 25_000 ? [0, 1, -1] : [0, 1];
        const code = offsets.map((offset) => totpCode(secretCode, offset)).find((candidate) => !used.has(candidate));
        if (code) {
          used.add(code);
          return code;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    },
  };
}
