import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import type { TransactionStep } from '../db/transact.ts';
import { Unprocessable } from '../errors.ts';

export interface Invitation {
  tokenHash: string;
  contactId: string;
  personId: string;
  /** The portal generation it was issued in: a rename revokes it. */
  portalGeneration: number;
  /**
   * The grant it was issued under: any other grant of the person (re-invitation, disabling and granting again, a
   * corrected email) revokes it. Absent on invitations from before grant ids.
   */
  grantId?: string;
  /** Epoch seconds of that grant. */
  grantedAt: number;
  /** Epoch seconds; also the table's TTL attribute. */
  expiresAt: number;
}

/** One answer for unknown, used, expired and revoked invitations: the link tells nothing more. */
export const invalidInvitation = () => new Unprocessable('INVITATION_INVALID', 'This invitation link is no longer valid. Ask for a new invitation.');

/** Stores an invitation by the hash of its token. */
export function putInvitationStep(orgId: string, invitation: Invitation): TransactionStep {
  return { write: { Put: { TableName: tableName(), Item: { ...keys.invitation(orgId, invitation.tokenHash), type: 'invitation', ...invitation } } } };
}

/** The invitation behind a token hash, if it was issued and not yet used. */
export async function getInvitation(orgId: string, tokenHash: string): Promise<Invitation | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.invitation(orgId, tokenHash) }));
  // expiresAt is bookkeeping (TTL) for other items, but part of an invitation.
  return Item ? { ...withoutKeys<Invitation>(Item), expiresAt: Item.expiresAt as number } : undefined;
}

/** Uses an invitation up: of two concurrent accepts only one finds it, and only before it expires. */
export function consumeInvitationStep(orgId: string, tokenHash: string, nowSeconds: number): TransactionStep {
  return {
    write: {
      Delete: {
        TableName: tableName(),
        Key: keys.invitation(orgId, tokenHash),
        ConditionExpression: 'attribute_exists(PK) AND expiresAt > :now',
        ExpressionAttributeValues: { ':now': nowSeconds },
      },
    },
    onConditionFailed: invalidInvitation,
  };
}
