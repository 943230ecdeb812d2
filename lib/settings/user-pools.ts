/**
 * User pool settings shared by the CDK stack and the local runtime, so the
 * pools cognito-local serves are made like the ones `cdk deploy` creates.
 */
export const passwordPolicy = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
  /** Days a staff-set temporary password stays usable. */
  temporaryPasswordValidityDays: 7,
} as const;

/** Immutable attributes stamped on every portal user: they scope every portal request. */
export const portalCustomAttributes = ['orgId', 'contactId', 'personId'] as const;

/**
 * The portal user's current grant (`custom:grantId`): set by the API at every grant, read from each ID token, and
 * compared with the person's, so a token issued under an earlier grant is refused whatever its time. Mutable by the
 * API only: the app client may read it, not write it.
 */
export const portalGrantAttribute = 'grantId';
/** The ID token claim that names the grant the token was issued under. */
export const portalGrantClaim = `custom:${portalGrantAttribute}`;

/**
 * Each pool's Cognito feature plan, chosen by what a monthly active user costs
 * against what the plan protects (docs/operations.md, "Cost"): staff accounts
 * are few and powerful, so they get Plus with threat protection enforced;
 * portal persons are many and guarded by Portico's own throttles, so Essentials.
 */
export type PoolPlan = 'essentials' | 'plus';

export const userPools = {
  /** The businesses' staff: self sign-up with email, verified by code. */
  staff: {
    name: 'staff',
    signInWithEmail: true,
    selfSignUp: true,
    customAttributes: [] as readonly string[],
    mutableAttributes: [] as readonly string[],
    plan: 'plus' as PoolPlan,
  },
  /** Contact persons of every organization: created by the API only, one user per (organization, person), opaque usernames. */
  portal: {
    name: 'portal',
    signInWithEmail: false,
    selfSignUp: false,
    customAttributes: portalCustomAttributes,
    mutableAttributes: [portalGrantAttribute] as readonly string[],
    plan: 'essentials' as PoolPlan,
  },
} as const;

export type PoolName = keyof typeof userPools;

/**
 * Both pools offer TOTP (software token) MFA and require it of nobody: one
 * pool serves every organization, and each organization decides for its own
 * persons and members (the API enforces it). No SMS.
 */
export const mfa = { configuration: 'OPTIONAL', softwareToken: true, sms: false } as const;

/** The app clients log in with username + password (the API resolves portal logins first) and refresh tokens. */
export const tokenValidity = { idTokenMinutes: 60, accessTokenMinutes: 60, refreshTokenDays: 30 } as const;
