import { requireMembership } from '../orgs/membership-repository.ts';
import type { StaffContext, StaffUser } from './context.ts';

/** A staff user acting inside `orgId`: only members get past; others see 404 as if it did not exist. One round trip. */
export async function staffContext(user: StaffUser, orgId: string): Promise<StaffContext> {
  const { membership, organization } = await requireMembership(orgId, user.staffId);
  return { kind: 'staff', staffId: user.staffId, email: user.email, orgId, role: membership.role, organization };
}
