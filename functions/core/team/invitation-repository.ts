import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { StaffRole } from '../access/roles.ts';
import { db, tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import { allWithPrefix } from '../db/pages.ts';
import type { TransactionStep } from '../db/transact.ts';
import { Unprocessable } from '../errors.ts';

/** An invitation to join the team, bound to one email; only the hash of its secret is stored. */
export interface StaffInvitation {
  tokenHash: string;
  email: string;
  role: StaffRole;
  invitedBy: string;
  createdAt: string;
  /** Epoch seconds; also the table's TTL attribute. */
  expiresAt: number;
}

/** One answer for unknown, used and expired invitations. */
export const invalidStaffInvitation = () =>
  new Unprocessable('INVITATION_INVALID', 'This invitation is no longer valid. Ask an owner of the organization for a new one.');

const fromItem = (item: Record<string, unknown>): StaffInvitation => ({ ...withoutKeys<StaffInvitation>(item), expiresAt: item.expiresAt as number });

/** Stores an invitation by the hash of its secret. */
export function putStaffInvitationStep(orgId: string, invitation: StaffInvitation): TransactionStep {
  return { write: { Put: { TableName: tableName(), Item: { ...keys.staffInvitation(orgId, invitation.tokenHash), type: 'staffInvitation', ...invitation } } } };
}

/** The invitation behind a secret's hash, if issued and not used. */
export async function getStaffInvitation(orgId: string, tokenHash: string): Promise<StaffInvitation | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.staffInvitation(orgId, tokenHash) }));
  return Item ? fromItem(Item) : undefined;
}

/** The organization's invitations not yet used (TTL removes lapsed ones within days, so they are filtered too). */
export async function listStaffInvitations(orgId: string, nowSeconds: number): Promise<StaffInvitation[]> {
  return (await allWithPrefix(keys.staffInvitationPrefix(orgId))).map(fromItem).filter((invitation) => invitation.expiresAt > nowSeconds);
}

/** Uses an invitation up, once, before it expires. */
export function consumeStaffInvitationStep(orgId: string, tokenHash: string, nowSeconds: number): TransactionStep {
  return {
    write: {
      Delete: {
        TableName: tableName(),
        Key: keys.staffInvitation(orgId, tokenHash),
        ConditionExpression: 'attribute_exists(PK) AND expiresAt > :now',
        ExpressionAttributeValues: { ':now': nowSeconds },
      },
    },
    onConditionFailed: invalidStaffInvitation,
  };
}
