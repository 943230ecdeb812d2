import { portalGrantClaim } from '../../../lib/settings/user-pools.ts';
import { claimsOfSentToken } from '../access/token-claims.ts';
import { clock } from '../clock.ts';
import type { Organization } from '../orgs/schema.ts';
import type * as cognito from './cognito.ts';
import type { PortalLogin } from './login-repository.ts';
import { hashOf } from './secret-tokens.ts';
import { putSession } from './session-repository.ts';

/** The grant Cognito issued these tokens under: the ID token's `custom:grantId` (absent for users from before grant ids). */
function grantOf(tokens: cognito.Tokens): string | undefined {
  const grantId = claimsOfSentToken(tokens.idToken, 'Cognito issued an unreadable ID token.')[portalGrantClaim];
  return typeof grantId === 'string' && grantId !== '' ? grantId : undefined;
}

/** Records the sign-in behind the tokens, with the grant they were issued under, so its refresh token can be checked and revoked. */
export async function startSession(
  organization: Organization,
  login: Pick<PortalLogin, 'contactId' | 'personId'>,
  tokens: cognito.Tokens,
): Promise<cognito.Tokens> {
  if (tokens.refreshToken) {
    await putSession(organization.id, hashOf(tokens.refreshToken), {
      contactId: login.contactId,
      personId: login.personId,
      createdAt: clock.epochSeconds(),
      grantId: grantOf(tokens),
    });
  }
  return tokens;
}
