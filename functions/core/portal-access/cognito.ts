import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  AssociateSoftwareTokenCommand,
  type AuthenticationResultType,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { portalGrantClaim } from '../../../lib/settings/user-pools.ts';
import { config, region } from '../config.ts';
import { type DomainError, TooManyRequests, Unauthorized, Unprocessable } from '../errors.ts';
import { log } from '../log.ts';
import { assertPasswordPolicy, weakPassword } from './password-policy.ts';

/**
 * The only module that talks to the portal user pool. It absorbs where
 * cognito-local differs from Cognito, so callers see one behaviour:
 * - a wrong password is `InvalidPasswordException` locally, `NotAuthorizedException` on AWS;
 * - an unknown user is `UserNotFoundException` locally (AWS hides it when user existence errors are prevented);
 * - cognito-local does not enforce the password policy: it is checked here first;
 * - cognito-local has no global sign-out: sessions are revoked per refresh token (RevokeToken, on both);
 * - TOTP: cognito-local associates and verifies software tokens only with an access token (as Portico does
 *   everywhere), enables TOTP already on VerifySoftwareToken (AWS waits for SetUserMFAPreference, which is
 *   called anyway) and has no AdminSetUserMFAPreference, so a staff reset is recorded on the person and enforced
 *   by the API (mfa.ts); a wrong code is CodeMismatchException on both, and answers like a wrong password.
 */

let client: CognitoIdentityProviderClient | undefined;
/** The pool's client, made on first use (exported as db() is, for the bench to count its calls). */
export const portalPoolClient = () => (client ??= new CognitoIdentityProviderClient({ region: region(), endpoint: config('portalPool').COGNITO_ENDPOINT }));
const pool = () => config('portalPool');

export interface PortalUser {
  username: string;
  email: string;
  orgId: string;
  contactId: string;
  personId: string;
  /** The grant the user is created under: every ID token carries it (`custom:grantId`). */
  grantId: string;
}

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
  tokenType: 'Bearer';
}

export type SignInResult = { tokens: Tokens } | { challenge: 'NEW_PASSWORD_REQUIRED' | 'SOFTWARE_TOKEN_MFA'; session: string };

export const invalidCredentials = () => new Unauthorized('The email or password is incorrect.', 'INVALID_CREDENTIALS');
export const invalidResetCode = () => new Unprocessable('INVALID_RESET_CODE', 'The code is wrong or has expired; request a new one.');

const throttled = new Set(['TooManyRequestsException', 'LimitExceededException', 'TooManyFailedAttemptsException']);
const credentialErrors = new Set([
  'NotAuthorizedException',
  'InvalidPasswordException',
  'UserNotFoundException',
  'PasswordResetRequiredException',
  'UserNotConfirmedException',
]);

interface Translation {
  /** What a refused credential (password, refresh token, code's user) means for this call. */
  badCredentials?: () => DomainError;
  /** What a wrong or expired code means for this call (a reset code, unless said otherwise). */
  badCode?: () => DomainError;
  /** The call sets a password: InvalidPasswordException is then the policy, not a wrong password. */
  setsPassword?: boolean;
}

/** A policy violation on AWS (locally the policy is checked before Cognito is called). */
const weakOnAws = () => weakPassword(['the characters the password policy asks for']);

/** Cognito's answer to a client mistake, as the domain error the caller should see; anything else stays a fault. */
function translate(error: unknown, { badCredentials = invalidCredentials, badCode = invalidResetCode, setsPassword = false }: Translation): unknown {
  const name = error instanceof Error ? error.name : '';
  if (setsPassword && name === 'InvalidPasswordException') return weakOnAws();
  if (throttled.has(name)) return new TooManyRequests();
  if (credentialErrors.has(name)) return badCredentials();
  if (name === 'CodeMismatchException' || name === 'ExpiredCodeException' || name === 'EnableSoftwareTokenMFAException') return badCode();
  return error;
}

async function call<T>(send: () => Promise<T>, translation: Translation = {}): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw translate(error, translation);
  }
}

/** Creates the person's user, without Cognito's own welcome email: Portico sends its own. */
export async function createPortalUser(user: PortalUser): Promise<void> {
  await portalPoolClient().send(
    new AdminCreateUserCommand({
      UserPoolId: pool().PORTAL_USER_POOL_ID,
      Username: user.username,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: user.email },
        // Verified, so Cognito may send password-reset codes to it.
        { Name: 'email_verified', Value: 'true' },
        { Name: 'custom:orgId', Value: user.orgId },
        { Name: 'custom:contactId', Value: user.contactId },
        { Name: 'custom:personId', Value: user.personId },
        { Name: portalGrantClaim, Value: user.grantId },
      ],
    }),
  );
}

/** Moves an existing user to a new grant: ID tokens issued from now on carry it, earlier ones the grant they were issued under. */
export async function setUserGrant(username: string, grantId: string): Promise<void> {
  await portalPoolClient().send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: pool().PORTAL_USER_POOL_ID,
      Username: username,
      UserAttributes: [{ Name: portalGrantClaim, Value: grantId }],
    }),
  );
}

/** Removes the user: its refresh tokens stop working with it. Already gone is fine. */
export async function deletePortalUser(username: string): Promise<void> {
  try {
    await portalPoolClient().send(new AdminDeleteUserCommand({ UserPoolId: pool().PORTAL_USER_POOL_ID, Username: username }));
  } catch (error) {
    if (!(error instanceof Error && error.name === 'UserNotFoundException')) throw error;
  }
}

/** Sets a password; a temporary one must be replaced at the next sign-in. */
export async function setPassword(username: string, password: string, permanent: boolean): Promise<void> {
  assertPasswordPolicy(password);
  await call(
    () =>
      portalPoolClient().send(
        new AdminSetUserPasswordCommand({ UserPoolId: pool().PORTAL_USER_POOL_ID, Username: username, Password: password, Permanent: permanent }),
      ),
    { setsPassword: true },
  );
}

function tokensOf(result: AuthenticationResultType | undefined): Tokens {
  if (!result?.IdToken || !result.AccessToken) throw new Error('Cognito answered without tokens');
  return {
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    refreshToken: result.RefreshToken,
    expiresIn: result.ExpiresIn ?? 3600,
    tokenType: 'Bearer',
  };
}

/** Password sign-in; Cognito counts failures and locks out repeated ones. */
export async function signIn(username: string, password: string): Promise<SignInResult> {
  const answer = await call(() =>
    portalPoolClient().send(
      new InitiateAuthCommand({
        ClientId: pool().PORTAL_CLIENT_ID,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    ),
  );
  if (answer.ChallengeName === 'NEW_PASSWORD_REQUIRED' && answer.Session) return { challenge: 'NEW_PASSWORD_REQUIRED', session: answer.Session };
  // A person with TOTP enabled: Cognito asks for the code (the pool's MFA is optional, so only then).
  if (answer.ChallengeName === 'SOFTWARE_TOKEN_MFA' && answer.Session) return { challenge: 'SOFTWARE_TOKEN_MFA', session: answer.Session };
  if (answer.ChallengeName) throw new Error(`Unexpected Cognito challenge ${answer.ChallengeName}`);
  return { tokens: tokensOf(answer.AuthenticationResult) };
}

/** Answers the first-sign-in challenge with the person's own password. */
export async function completeNewPassword(username: string, session: string, newPassword: string): Promise<Tokens> {
  assertPasswordPolicy(newPassword);
  const answer = await call(
    () =>
      portalPoolClient().send(
        new RespondToAuthChallengeCommand({
          ClientId: pool().PORTAL_CLIENT_ID,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: session,
          ChallengeResponses: { USERNAME: username, NEW_PASSWORD: newPassword },
        }),
      ),
    { setsPassword: true },
  );
  return tokensOf(answer.AuthenticationResult);
}

/** New ID and access tokens for a refresh token (the refresh token itself is kept). */
export async function refresh(refreshToken: string): Promise<Tokens> {
  const answer = await call(() =>
    portalPoolClient().send(
      new InitiateAuthCommand({ ClientId: pool().PORTAL_CLIENT_ID, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } }),
    ),
  );
  return tokensOf(answer.AuthenticationResult);
}

/** Ends a session: the refresh token can no longer be used. An unknown token is already ended. */
export async function revoke(refreshToken: string): Promise<void> {
  try {
    await portalPoolClient().send(new RevokeTokenCommand({ ClientId: pool().PORTAL_CLIENT_ID, Token: refreshToken }));
  } catch (error) {
    if (!(error instanceof Error && (error.name === 'NotAuthorizedException' || error.name === 'UnsupportedTokenTypeException'))) throw error;
  }
}

/**
 * Revokes every refresh token of the user. cognito-local does not implement
 * it; there the session records alone refuse them (see sign-out-everywhere.ts).
 */
export async function signOutEverywhere(username: string): Promise<void> {
  try {
    await portalPoolClient().send(new AdminUserGlobalSignOutCommand({ UserPoolId: pool().PORTAL_USER_POOL_ID, Username: username }));
  } catch (error) {
    log.warn('global sign-out not done by the pool', { reason: error instanceof Error ? error.name : 'unknown' });
  }
}

/**
 * Asks Cognito to email a reset code. Callers answer 202 whatever happens, so
 * refusals (throttling, unknown user) are logged, never shown.
 */
export async function requestPasswordReset(username: string): Promise<void> {
  try {
    await portalPoolClient().send(new ForgotPasswordCommand({ ClientId: pool().PORTAL_CLIENT_ID, Username: username }));
  } catch (error) {
    const translated = translate(error, {});
    if (translated === error) throw error;
    log.warn('password reset not sent', { reason: error instanceof Error ? error.name : 'unknown' });
  }
}

/** Sets the password chosen with a reset code. */
export async function confirmPasswordReset(username: string, code: string, newPassword: string): Promise<void> {
  assertPasswordPolicy(newPassword);
  await call(
    () =>
      portalPoolClient().send(
        new ConfirmForgotPasswordCommand({ ClientId: pool().PORTAL_CLIENT_ID, Username: username, ConfirmationCode: code, Password: newPassword }),
      ),
    { setsPassword: true, badCredentials: invalidResetCode },
  );
}

/** A wrong or stale TOTP code: the same answer as a wrong password. */
const codeRefused = { badCredentials: invalidCredentials, badCode: invalidCredentials };

/** Answers Cognito's TOTP challenge at sign-in. */
export async function answerTotp(username: string, session: string, code: string): Promise<Tokens> {
  const answer = await call(
    () =>
      portalPoolClient().send(
        new RespondToAuthChallengeCommand({
          ClientId: pool().PORTAL_CLIENT_ID,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: session,
          ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: code },
        }),
      ),
    codeRefused,
  );
  return tokensOf(answer.AuthenticationResult);
}

/** Starts enrolling an authenticator: the secret to show (as a QR code and as text). */
export async function associateTotp(accessToken: string): Promise<string> {
  const answer = await call(() => portalPoolClient().send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken })));
  if (!answer.SecretCode) throw new Error('Cognito answered without a secret code');
  return answer.SecretCode;
}

/** Finishes enrolling with the authenticator's first code, and makes TOTP the user's second factor. */
export async function verifyTotp(accessToken: string, code: string): Promise<void> {
  const answer = await call(() => portalPoolClient().send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: code })), codeRefused);
  if (answer.Status !== 'SUCCESS') throw invalidCredentials();
  await call(() =>
    portalPoolClient().send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } })),
  );
}

/** The person turns TOTP off. */
export async function disableTotp(accessToken: string): Promise<void> {
  await call(() =>
    portalPoolClient().send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false } })),
  );
}

/** Staff reset a person's TOTP. cognito-local lacks the call; there the API's own record of the reset decides (mfa.ts). */
export async function resetTotp(username: string): Promise<void> {
  try {
    await portalPoolClient().send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: pool().PORTAL_USER_POOL_ID,
        Username: username,
        SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
      }),
    );
  } catch (error) {
    log.warn('TOTP not reset by the pool', { reason: error instanceof Error ? error.name : 'unknown' });
  }
}
