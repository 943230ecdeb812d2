import { clock } from '../clock.ts';
import type { Organization } from '../orgs/schema.ts';
import type * as cognito from './cognito.ts';
import type { PortalLogin } from './login-repository.ts';
import { hashOf } from './secret-tokens.ts';
import { putSession } from './session-repository.ts';

/** Records the sign-in behind the tokens, so its refresh token can be checked and revoked. */
export async function startSession(
  organization: Organization,
  login: Pick<PortalLogin, 'contactId' | 'personId'>,
  tokens: cognito.Tokens,
): Promise<cognito.Tokens> {
  if (tokens.refreshToken) {
    await putSession(organization.id, hashOf(tokens.refreshToken), { contactId: login.contactId, personId: login.personId, createdAt: clock.epochSeconds() });
  }
  return tokens;
}
