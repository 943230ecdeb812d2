import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from '../db/batch-get.ts';
import { withoutKeys } from '../db/items.ts';
import { db, tableName } from '../db/client.ts';
import { keys } from '../db/keys.ts';
import type { TransactionStep } from '../db/transact.ts';
import { NotFound } from '../errors.ts';
import type { Organization } from './schema.ts';

export interface Membership {
  orgId: string;
  staffId: string;
  role: 'owner' | 'admin' | 'staff';
  createdAt: string;
}

/** Adds a staff user to an organization (a step of the organization's creation). */
export function putMembershipStep(membership: Membership): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.membership(membership.orgId, membership.staffId), ...keys.staffMembershipIndex(membership.staffId, membership.orgId), type: 'membership', ...membership },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  };
}

/**
 * Is this staff user a member of this organization? Read together with the
 * organization, which most staff requests need, in one round trip. Non-members
 * get 404: the organization's existence is not theirs to know.
 */
export async function requireMembership(orgId: string, staffId: string): Promise<{ membership: Membership; organization: Organization }> {
  const [membership, organization] = await batchGet([keys.membership(orgId, staffId), keys.organization(orgId)]);
  if (!membership || !organization) throw new NotFound('Organization');
  return { membership: membership as unknown as Membership, organization: withoutKeys<Organization>(organization) };
}

/** Which organizations does this staff user belong to? (GSI1) */
export async function listMembershipsOf(staffId: string): Promise<Membership[]> {
  const memberships: Membership[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :staff',
        ExpressionAttributeValues: { ':staff': keys.staffMembershipsPartition(staffId).GSI1PK },
        ExclusiveStartKey,
      }),
    );
    memberships.push(...((page.Items ?? []) as Membership[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return memberships;
}
