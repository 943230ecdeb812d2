import { requireMembership } from '../orgs/membership-repository.ts';
import type { StaffContext, StaffUser } from './context.ts';
import { requireRole, type StaffRole } from './roles.ts';

/**
 * A staff user acting inside `orgId` in a role the route allows. Non-members
 * see 404 as if it did not exist; members without the role 403. One round trip.
 */
export async function staffContext(user: StaffUser, orgId: string, allowed: readonly StaffRole[]): Promise<StaffContext> {
  const { membership, organization } = await requireMembership(orgId, user.staffId);
  requireRole(membership.role, allowed);
  return { kind: 'staff', staffId: user.staffId, email: user.email, orgId, role: membership.role, organization };
}
