import { type StaffRole, storedRole } from '../access/roles.ts';
import { batchGet } from '../db/batch-get.ts';
import { tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { type Key, keys } from '../db/keys.ts';
import { allInIndexPartition, allWithPrefix, type Page, queryPage } from '../db/pages.ts';
import type { TransactionStep } from '../db/transact.ts';
import { type DomainError, NotFound, StaleWrite } from '../errors.ts';
import type { ListInput } from '../shapes.ts';
import type { Organization } from './schema.ts';

export interface Membership {
  orgId: string;
  staffId: string;
  role: StaffRole;
  /** The staff user's email when they joined (from their verified token); older items have none. */
  email?: string;
  createdAt: string;
}

/** Adds a staff user to an organization (its creation, or an accepted invitation). */
export function putMembershipStep(membership: Membership, onConditionFailed?: () => DomainError): TransactionStep {
  return {
    onConditionFailed,
    write: {
      Put: {
        TableName: tableName(),
        Item: {
          ...keys.membership(membership.orgId, membership.staffId),
          ...keys.staffMembershipIndex(membership.staffId, membership.orgId),
          type: 'membership',
          ...membership,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  };
}

/**
 * Is this staff user a member of this organization? Read together with the
 * organization, which most staff requests need, and any items `alongside`
 * (the user's MFA enrolment), in one round trip. Non-members get 404: the
 * organization's existence is not theirs to know.
 */
export async function requireMembership(
  orgId: string,
  staffId: string,
  ...alongside: Key[]
): Promise<{ membership: Membership; organization: Organization; alongside: (Record<string, unknown> | undefined)[] }> {
  const [membership, organization, ...others] = await batchGet([keys.membership(orgId, staffId), keys.organization(orgId), ...alongside]);
  if (!membership || !organization) throw new NotFound('Organization');
  return { membership: asMembership(membership), organization: withoutKeys<Organization>(organization), alongside: others };
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

/** The organization's members (few: one partition's MEMBER# items). */
export async function listMembers(orgId: string): Promise<Membership[]> {
  return (await allWithPrefix(keys.memberPrefix(orgId))).map(asMembership);
}

/** A page of the organization's members. */
export async function listMembersPage(orgId: string, list: ListInput): Promise<Page<Membership>> {
  const found = await queryPage(keys.memberPrefix(orgId), list.limit, list.cursor);
  return { items: found.items.map(asMembership), nextCursor: found.nextCursor };
}

/** Changes a member's role, on the role read: a concurrent change gets 409. */
export function changeRoleStep(member: Membership, role: StaffRole): TransactionStep {
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: keys.membership(member.orgId, member.staffId),
        UpdateExpression: 'SET #role = :role',
        ConditionExpression: '#role = :read',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':role': role, ':read': member.role },
      },
    },
    onConditionFailed: () => new StaleWrite('The membership'),
  };
}

/** Removes a member, on the role read. */
export function deleteMembershipStep(member: Membership): TransactionStep {
  return {
    write: {
      Delete: {
        TableName: tableName(),
        Key: keys.membership(member.orgId, member.staffId),
        ConditionExpression: '#role = :read',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':read': member.role },
      },
    },
    onConditionFailed: () => new StaleWrite('The membership'),
  };
}

/** Holds only while this member is still an owner: two owners demoting each other at once cannot both succeed. */
export function stillOwnerStep(member: Membership, onConditionFailed: () => DomainError): TransactionStep {
  return {
    write: {
      ConditionCheck: {
        TableName: tableName(),
        Key: keys.membership(member.orgId, member.staffId),
        ConditionExpression: '#role = :owner',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':owner': 'owner' },
      },
    },
    onConditionFailed,
  };
}
