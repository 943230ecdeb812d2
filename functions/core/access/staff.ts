import { Forbidden } from '../errors.ts';
import { requireMembership } from '../orgs/membership-repository.ts';
import type { Organization } from '../orgs/schema.ts';
import { signedInWithSecondFactor } from '../staff-mfa/policy.ts';
import { asEnrolment, enrolmentKey } from '../staff-mfa/repository.ts';
import type { StaffContext, StaffUser } from './context.ts';
import { requireRole, type StaffRole } from './roles.ts';

/**
 * A staff user acting inside `orgId` in a role the route allows. Non-members
 * see 404 as if it did not exist; members without the role 403, and so do
 * members without a second factor where the organization requires one. The
 * membership, the organization and the user's MFA enrolment: one round trip.
 */
export async function staffContext(user: StaffUser, orgId: string, allowed: readonly StaffRole[]): Promise<StaffContext> {
  const { membership, organization, alongside } = await requireMembership(orgId, user.staffId, enrolmentKey(user.staffId));
  const secondFactor = signedInWithSecondFactor(asEnrolment(alongside[0]), user.authTime);
  requireSecondFactor(organization, secondFactor);
  requireRole(membership.role, allowed);
  return { kind: 'staff', staffId: user.staffId, email: user.email, orgId, role: membership.role, organization, secondFactor };
}

/** Cognito cannot require MFA per organization (one pool for all), so the organization's choice is enforced here. */
function requireSecondFactor(organization: Organization, secondFactor: boolean): void {
  if (organization.requireStaffMfa === true && !secondFactor) {
    throw new Forbidden(
      'MFA_REQUIRED',
      'This organization requires a second factor. Enrol an authenticator app with POST /v1/me/mfa { accessToken } and POST /v1/me/mfa/verify { accessToken, code }, then sign in again with its code.',
    );
  }
}
