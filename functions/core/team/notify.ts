import type { StaffRole } from '../access/roles.ts';
import { config } from '../config.ts';
import { sendEmail } from '../email/send.ts';
import type { Organization } from '../orgs/schema.ts';

export const STAFF_INVITATION_DAYS = 7;

/** Where the staff client accepts an invitation; it posts the token to `POST /v1/staff-invitations/accept`. */
export const staffInvitationUrl = (token: string) => `${config('web').PUBLIC_BASE_URL}/staff/invitation?token=${encodeURIComponent(token)}`;

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
    senderId,
  );
}
