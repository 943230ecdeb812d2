import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { tokenValidity } from '../../../lib/settings/user-pools.ts';
import { db, tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';

/**
 * A portal sign-in, by the hash of its refresh token. Refreshing goes through
 * it, so a refresh token from before a rename or under an earlier grant is refused even
 * where Cognito cannot sign a user out globally (cognito-local).
 */
export interface PortalSession {
  contactId: string;
  personId: string;
  /** Epoch seconds of the sign-in. */
  createdAt: number;
  /** The grant its tokens were issued under (their `custom:grantId`; absent for a user from before grant ids): another grant ends it. */
  grantId?: string;
}

const REFRESH_SECONDS = tokenValidity.refreshTokenDays * 86_400;

/** Records a sign-in; it lapses with its refresh token. */
export async function putSession(orgId: string, refreshTokenHash: string, session: PortalSession): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.portalSession(orgId, refreshTokenHash), type: 'portalSession', ...session, expiresAt: session.createdAt + REFRESH_SECONDS },
    }),
  );
}

/** The sign-in a refresh token belongs to, if it was not signed out. */
export async function getSession(orgId: string, refreshTokenHash: string): Promise<PortalSession | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.portalSession(orgId, refreshTokenHash) }));
  return Item ? withoutKeys<PortalSession>(Item) : undefined;
}

/** Signs out: the refresh token no longer refreshes. */
export async function deleteSession(orgId: string, refreshTokenHash: string): Promise<void> {
  await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.portalSession(orgId, refreshTokenHash) }));
}
