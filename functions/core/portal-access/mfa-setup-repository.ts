import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import type { TransactionStep } from '../db/transact.ts';
import { Unauthorized } from '../errors.ts';
import type { Tokens } from './cognito.ts';

/**
 * A sign-in whose password was right but whose organization requires a second
 * factor the person has not enrolled. Cognito has no per-organization MFA, so
 * it issued tokens; Portico holds them, for minutes, to call the enrolment
 * APIs with the access token on the person's behalf, and hands out nothing
 * until the first code is verified. (Not the refresh token alone: cognito-local
 * cannot refresh tokens issued by a challenge answer.) Used once, then deleted.
 */
export interface PendingMfaSetup {
  contactId: string;
  personId: string;
  username: string;
  tokens: Tokens;
  /** Epoch seconds; also the table's TTL attribute. */
  expiresAt: number;
}

export const MFA_SETUP_SECONDS = 600;

/** Unknown, used and lapsed setup sessions are all the same: sign in again. */
export const setupExpired = () => new Unauthorized('This sign-in has expired; sign in again.', 'SESSION_EXPIRED');

export async function putPendingSetup(orgId: string, sessionHash: string, setup: PendingMfaSetup): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.portalMfaSetup(orgId, sessionHash), type: 'portalMfaSetup', ...setup } }));
}

/** The held sign-in behind a setup session, if it has not lapsed. */
export async function getPendingSetup(orgId: string, sessionHash: string, nowSeconds: number): Promise<PendingMfaSetup | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.portalMfaSetup(orgId, sessionHash), ConsistentRead: true }));
  const setup = Item ? { ...withoutKeys<PendingMfaSetup>(Item), expiresAt: Item.expiresAt as number } : undefined;
  return setup && setup.expiresAt > nowSeconds ? setup : undefined;
}

/** Uses the held sign-in up, once. */
export function consumePendingSetupStep(orgId: string, sessionHash: string, nowSeconds: number): TransactionStep {
  return {
    write: {
      Delete: {
        TableName: tableName(),
        Key: keys.portalMfaSetup(orgId, sessionHash),
        ConditionExpression: 'attribute_exists(PK) AND expiresAt > :now',
        ExpressionAttributeValues: { ':now': nowSeconds },
      },
    },
    onConditionFailed: setupExpired,
  };
}
