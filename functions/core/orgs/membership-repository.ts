import { batchGet } from '../db/batch-get.ts';
import { allInIndexPartition } from '../db/pages.ts';
import { withoutKeys } from '../db/items.ts';
import { tableName } from '../db/client.ts';
import { keys } from '../db/keys.ts';
import type { TransactionStep } from '../db/transact.ts';
import { NotFound } from '../errors.ts';
import { storedRole, type StaffRole } from '../access/roles.ts';
import type { Organization } from './schema.ts';

export interface Membership {
  orgId: string;
  staffId: string;
  role: StaffRole;
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
  return { membership: asMembership(membership), organization: withoutKeys<Organization>(organization) };
}

/** Which organizations does this staff user belong to? (GSI1) */
export async function listMembershipsOf(staffId: string): Promise<Membership[]> {
  return (await allInIndexPartition('GSI1', keys.staffMembershipsPartition(staffId))).map(asMembership);
}

/** A membership item as the domain reads it (older items' role names mapped, see storedRole). */
export function asMembership(item: Record<string, unknown>): Membership {
  const membership = withoutKeys<Membership>(item);
  return { ...membership, role: storedRole(membership.role) };
}
