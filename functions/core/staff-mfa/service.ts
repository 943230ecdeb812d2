import type { StaffUser } from '../access/context.ts';
import { claimsOfSentToken } from '../access/token-claims.ts';
import { clock } from '../clock.ts';
import { config } from '../config.ts';
import { transact } from '../db/transact.ts';
import { staffCodeStep } from '../mfa-replay/repository.ts';
import { otpauthUri } from '../totp.ts';
import { associateStaffTotp, invalidAccessToken, invalidMfaCode, verifyStaffTotp } from './cognito.ts';
import { putEnrolmentStep } from './repository.ts';

/** The name authenticator apps show for a staff account. */
const ISSUER = 'Portico';

/** The access token sent for the enrolment calls must be the staff pool's (its issuer ends in the pool id), of the user the request is authorized as. */
function ownAccessToken(user: StaffUser, accessToken: string): string {
  const claims = claimsOfSentToken(accessToken, invalidAccessToken().message);
  const fromStaffPool = typeof claims.iss === 'string' && claims.iss.endsWith(`/${config('staffPool').STAFF_USER_POOL_ID}`);
  if (!fromStaffPool || claims.token_use !== 'access' || claims.sub !== user.staffId) throw invalidAccessToken();
  return accessToken;
}

/** A staff user starts enrolling an authenticator app: the secret, as text and as an otpauth URI. */
export async function beginStaffEnrolment(user: StaffUser, accessToken: string) {
  const secretCode = await associateStaffTotp(ownAccessToken(user, accessToken));
  return { secretCode, otpauthUri: otpauthUri(ISSUER, user.email ?? user.staffId, secretCode) };
}

/**
 * …and confirms it with the app's first code. Organizations that require MFA admit sign-ins after this moment.
 * The code works once: it is recorded with the enrolment, and a used one is refused as a wrong one.
 */
export async function completeStaffEnrolment(user: StaffUser, accessToken: string, code: string) {
  await verifyStaffTotp(ownAccessToken(user, accessToken), code);
  const enrolledAt = clock.epochSeconds();
  await transact([staffCodeStep(user.staffId, code, enrolledAt, invalidMfaCode), putEnrolmentStep({ staffId: user.staffId, enrolledAt })]);
  return { enrolled: true as const, enrolledAt: new Date(enrolledAt * 1000).toISOString() };
}
