import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { LocalPool } from './cognito-pools.ts';
import { localClientConfig } from './aws-local.ts';

export const demo = {
  staff: { email: 'owner@demo.portico.test', password: 'Demo-Password-1!' },
  organization: { name: 'Demo Trading Ltd', portalName: 'demo-trading', currency: 'EUR' },
};

/** A staff user that can sign in right away: the demo login `npm start` prints. */
export async function ensureStaffUser(endpoint: string, pool: LocalPool, email: string, password: string): Promise<string> {
  const cognito = new CognitoIdentityProviderClient(localClientConfig(endpoint));
  try {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: pool.userPoolId,
        Username: email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: pool.userPoolId, Username: email, Password: password, Permanent: true }));
  } catch (error) {
    if (!(error instanceof UsernameExistsException)) throw error;
  }
  const auth = await cognito.send(
    new InitiateAuthCommand({ ClientId: pool.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }),
  );
  return auth.AuthenticationResult!.IdToken!;
}

/** The demo organization, created through the API like any other (once; kept state finds it again). */
export async function ensureDemoOrganization(apiUrl: string, staffToken: string): Promise<{ id: string; portalName: string }> {
  const headers = { authorization: `Bearer ${staffToken}`, 'content-type': 'application/json' };
  const mine = (await (await fetch(`${apiUrl}/v1/orgs`, { headers })).json()) as { items: { id: string; portalName: string }[] };
  const existing = mine.items.find((org) => org.portalName === demo.organization.portalName);
  if (existing) return existing;
  const response = await fetch(`${apiUrl}/v1/orgs`, { method: 'POST', headers, body: JSON.stringify(demo.organization) });
  if (response.status !== 201) throw new Error(`Seeding the demo organization failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; portalName: string };
}
