import type { StaffRole } from '../access/roles.ts';
import { sendEmail } from '../email/send.ts';
import type { Organization } from '../orgs/schema.ts';
import { staffInvitationUrl } from '../staff-app.ts';

export const STAFF_INVITATION_DAYS = 7;

/** The invitation with its one-time link; it carries the secret, so the request sends it. */
export function sendStaffInvitation(
  organization: Organization,
  to: string,
  role: StaffRole,
  inviterEmail: string | undefined,
  token: string,
  senderId: string,
) {
  return sendEmail(
    organization.id,
    'staff-invitation',
    to,
    {
      orgName: organization.name,
      inviterEmail: inviterEmail ?? `A member of ${organization.name}`,
      role,
      invitationUrl: staffInvitationUrl(token),
      expiresInDays: String(STAFF_INVITATION_DAYS),
    },
    { senderId },
  );
}
