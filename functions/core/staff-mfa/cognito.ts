import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { config, region } from '../config.ts';
import { TooManyRequests, Unprocessable } from '../errors.ts';

/**
 * The staff pool's TOTP calls. Each is authorized by the staff user's own
 * access token (no IAM, no pool id); cognito-local takes only access tokens
 * here too, enables TOTP already on VerifySoftwareToken (AWS waits for
 * SetUserMFAPreference, called anyway) and refuses a wrong code with
 * CodeMismatchException, as AWS does.
 */
let client: CognitoIdentityProviderClient | undefined;
const cognito = () => (client ??= new CognitoIdentityProviderClient({ region: region(), endpoint: config('staffPool').COGNITO_ENDPOINT }));

export const invalidAccessToken = () => new Unprocessable('INVALID_ACCESS_TOKEN', 'Send the access token of your current sign-in to the staff pool.');
export const invalidMfaCode = () => new Unprocessable('INVALID_MFA_CODE', 'The code is wrong or has expired; enter the code your authenticator app shows now.');

const throttled = new Set(['TooManyRequestsException', 'LimitExceededException', 'TooManyFailedAttemptsException']);
const codeRefusals = new Set(['CodeMismatchException', 'ExpiredCodeException', 'EnableSoftwareTokenMFAException']);

async function call<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (throttled.has(name)) throw new TooManyRequests();
    if (name === 'NotAuthorizedException') throw invalidAccessToken();
    if (codeRefusals.has(name)) throw invalidMfaCode();
    throw error;
  }
}

/** Starts enrolling an authenticator: the secret to show. */
export async function associateStaffTotp(accessToken: string): Promise<string> {
  const answer = await call(() => cognito().send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken })));
  if (!answer.SecretCode) throw new Error('Cognito answered without a secret code');
  return answer.SecretCode;
}

/** Finishes enrolling with the authenticator's first code; from then on the pool asks every sign-in for a code. */
export async function verifyStaffTotp(accessToken: string, code: string): Promise<void> {
  const answer = await call(() => cognito().send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: code })));
  if (answer.Status !== 'SUCCESS') throw invalidMfaCode();
  await call(() =>
    cognito().send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } })),
  );
}
