import {
  AddCustomAttributesCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mfa, type PoolName, passwordPolicy, tokenValidity, userPools } from '../../lib/settings/user-pools.ts';
import { localClientConfig } from './aws-local.ts';

export interface LocalPool {
  userPoolId: string;
  clientId: string;
}

/** The pool's custom attributes: the immutable ones stamped at creation, and those the API changes. */
const schemaOf = (settings: (typeof userPools)[PoolName]) => [
  ...settings.customAttributes.map((name) => ({ Name: name, AttributeDataType: 'String' as const, Mutable: false })),
  ...settings.mutableAttributes.map((name) => ({ Name: name, AttributeDataType: 'String' as const, Mutable: true })),
];

/** Creates (or finds, when state was kept) both pools and their app clients from the stack's settings. */
export async function ensurePools(endpoint: string): Promise<Record<PoolName, LocalPool>> {
  const cognito = new CognitoIdentityProviderClient(localClientConfig(endpoint));
  const existing = (await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools ?? [];
  const result = {} as Record<PoolName, LocalPool>;
  for (const [key, settings] of Object.entries(userPools) as [PoolName, (typeof userPools)[PoolName]][]) {
    const poolName = `portico-${settings.name}`;
    let userPoolId = existing.find((pool) => pool.Name === poolName)?.Id;
    if (!userPoolId) {
      const created = await cognito.send(
        new CreateUserPoolCommand({
          PoolName: poolName,
          UsernameAttributes: settings.signInWithEmail ? ['email'] : [],
          AutoVerifiedAttributes: settings.selfSignUp ? ['email'] : [],
          Policies: {
            PasswordPolicy: {
              MinimumLength: passwordPolicy.minLength,
              RequireLowercase: passwordPolicy.requireLowercase,
              RequireUppercase: passwordPolicy.requireUppercase,
              RequireNumbers: passwordPolicy.requireDigits,
              RequireSymbols: passwordPolicy.requireSymbols,
              TemporaryPasswordValidityDays: passwordPolicy.temporaryPasswordValidityDays,
            },
          },
          Schema: schemaOf(settings),
        }),
      );
      userPoolId = created.UserPool!.Id!;
    } else {
      // Kept pools made before an attribute was added get it, as CloudFormation adds one to a deployed pool.
      const held = new Set((await cognito.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }))).UserPool?.SchemaAttributes?.map((a) => a.Name));
      const missing = schemaOf(settings).filter((attribute) => !held.has(`custom:${attribute.Name}`));
      if (missing.length > 0) await cognito.send(new AddCustomAttributesCommand({ UserPoolId: userPoolId, CustomAttributes: missing }));
    }
    // Also on kept pools made before MFA was offered.
    await cognito.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: userPoolId,
        MfaConfiguration: mfa.configuration,
        SoftwareTokenMfaConfiguration: { Enabled: mfa.softwareToken },
      }),
    );
    const clients = (await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }))).UserPoolClients ?? [];
    let clientId = clients[0]?.ClientId;
    if (!clientId) {
      const client = await cognito.send(
        new CreateUserPoolClientCommand({
          UserPoolId: userPoolId,
          ClientName: `portico-${settings.name}-app`,
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          IdTokenValidity: tokenValidity.idTokenMinutes,
          AccessTokenValidity: tokenValidity.accessTokenMinutes,
          RefreshTokenValidity: tokenValidity.refreshTokenDays,
          TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'days' },
        }),
      );
      clientId = client.UserPoolClient!.ClientId!;
    }
    result[key] = { userPoolId, clientId };
  }
  return result;
}
