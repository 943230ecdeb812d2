import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';

/**
 * A reset code asked for with an email: Cognito holds the code, Portico the
 * grant it was asked under, so a code of an earlier grant (the same user
 * re-invited since) is refused. Written for every request, known email or not,
 * so the request costs the same either way.
 */
export interface PasswordResetRequest {
  /** The person the email resolved to, when it did (of the current portal generation). */
  personId?: string;
  /** Their grant then; absent for an unknown email and for logins from before grant ids. */
  grantId?: string;
  /** Epoch seconds. */
  requestedAt: number;
}

/** Longer than a Cognito reset code lives (an hour): the record must outlast the code it vouches for. */
const KEEP_SECONDS = 2 * 3600;

/** Records the request; a later one replaces it (Cognito's newer code replaces the older too). */
export async function putPasswordReset(orgId: string, email: string, request: PasswordResetRequest): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.portalPasswordReset(orgId, email), type: 'portalPasswordReset', ...request, expiresAt: request.requestedAt + KEEP_SECONDS },
    }),
  );
}

/** The last request with this email, if any. */
export async function getPasswordReset(orgId: string, email: string): Promise<PasswordResetRequest | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.portalPasswordReset(orgId, email), ConsistentRead: true }));
  return Item ? withoutKeys<PasswordResetRequest>(Item) : undefined;
}
