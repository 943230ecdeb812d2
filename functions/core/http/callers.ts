import { Unauthorized } from '../errors.ts';
import { requireMembership, type Membership } from '../orgs/membership-repository.ts';
import type { Claims } from './event.ts';

export interface StaffCaller {
  staffId: string;
  email: string | undefined;
}

export interface MemberCaller extends StaffCaller {
  orgId: string;
  role: Membership['role'];
}

/** The staff user behind a token the staff authorizer verified. */
export function staffCaller(claims: Claims): StaffCaller {
  const staffId = claims.sub;
  if (typeof staffId !== 'string' || staffId === '') throw new Unauthorized();
  return { staffId, email: typeof claims.email === 'string' ? claims.email : undefined };
}

/** A staff user acting inside `orgId`: only members get past; others see 404 as if it did not exist. */
export async function memberCaller(claims: Claims, orgId: string): Promise<MemberCaller> {
  const staff = staffCaller(claims);
  const membership = await requireMembership(orgId, staff.staffId);
  return { ...staff, orgId, role: membership.role };
}
