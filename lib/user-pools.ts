import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  type ICustomAttribute,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { mfa, type PoolName, passwordPolicy, tokenValidity, userPools } from './settings/user-pools.ts';

export interface PoolWithClient {
  pool: UserPool;
  client: UserPoolClient;
}

/** The staff pool and the portal pool, made from the settings the local runtime uses too. */
export class UserPools extends Construct {
  readonly staff: PoolWithClient;
  readonly portal: PoolWithClient;

  constructor(scope: Construct, id: string, props: { retain: boolean }) {
    super(scope, id);
    this.staff = this.create('staff', props.retain);
    this.portal = this.create('portal', props.retain);
  }

  private create(name: PoolName, retain: boolean): PoolWithClient {
    const settings = userPools[name];
    const customAttributes: Record<string, ICustomAttribute> = {};
    // Immutable: once a portal user is stamped with its organization and person, nothing can move it.
    for (const attribute of settings.customAttributes) customAttributes[attribute] = new StringAttribute({ mutable: false, maxLen: 64 });
    // Changed by the API only (the client below may not write it): the portal user's current grant.
    for (const attribute of settings.mutableAttributes) customAttributes[attribute] = new StringAttribute({ mutable: true, maxLen: 64 });

    const pool = new UserPool(this, `${name}Pool`, {
      userPoolName: `portico-${settings.name}`,
      selfSignUpEnabled: settings.selfSignUp,
      signInAliases: settings.signInWithEmail ? { email: true } : { username: true },
      autoVerify: settings.selfSignUp ? { email: true } : undefined,
      standardAttributes: { email: { required: settings.signInWithEmail, mutable: true } },
      customAttributes,
      passwordPolicy: {
        minLength: passwordPolicy.minLength,
        requireLowercase: passwordPolicy.requireLowercase,
        requireUppercase: passwordPolicy.requireUppercase,
        requireDigits: passwordPolicy.requireDigits,
        requireSymbols: passwordPolicy.requireSymbols,
        tempPasswordValidity: Duration.days(passwordPolicy.temporaryPasswordValidityDays),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: mfa.softwareToken, sms: mfa.sms },
      featurePlan: settings.plan === 'plus' ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      // What Plus is paid for: risky sign-ins blocked or challenged, compromised credentials refused.
      standardThreatProtectionMode: settings.plan === 'plus' ? StandardThreatProtectionMode.FULL_FUNCTION : undefined,
      deletionProtection: retain,
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    if (settings.plan === 'essentials')
      Validations.of(pool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'Essentials on purpose: Plus costs $0.02 per monthly active user with no free band, more than all compute for this pool; sign-in, reset and invitation attempts are throttled per email and per address by the API, which signs portal persons in (docs/operations.md, "Cost").',
      });

    const readable = new ClientAttributes()
      .withStandardAttributes({ email: true, emailVerified: true })
      .withCustomAttributes(...settings.customAttributes, ...settings.mutableAttributes);
    const client = pool.addClient(`${name}Client`, {
      userPoolClientName: `portico-${settings.name}-app`,
      authFlows: { userPassword: true },
      // Sign-in goes through the API (portal) or the SDK (staff); no hosted UI, no OAuth redirects.
      disableOAuth: true,
      generateSecret: false,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.minutes(tokenValidity.idTokenMinutes),
      accessTokenValidity: Duration.minutes(tokenValidity.accessTokenMinutes),
      refreshTokenValidity: Duration.days(tokenValidity.refreshTokenDays),
      readAttributes: readable,
      // Portal users change nothing about themselves through the client: the API owns their attributes.
      writeAttributes: settings.selfSignUp ? new ClientAttributes().withStandardAttributes({ email: true }) : new ClientAttributes(),
    });
    return { pool, client };
  }
}
