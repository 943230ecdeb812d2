import * as z from 'zod/mini';
import { staffRoles } from '../access/roles.ts';
import { built } from '../built-schema.ts';
import { page, Timestamp } from '../shapes.ts';

const role = /* @__PURE__ */ z.lazy(() => z.enum(staffRoles));

export const Member = /* @__PURE__ */ z.lazy(() =>
  z.object({
    staffId: z.string(),
    /** Null for members who joined before emails were recorded. */
    email: z.nullable(z.string()),
    role,
    createdAt: Timestamp,
  }),
);

export const PendingStaffInvitation = /* @__PURE__ */ z.lazy(() => z.object({ email: z.string(), role, invitedAt: Timestamp, validUntil: Timestamp }));

/** The team: its members and the invitations not yet accepted. */
/** A page of members; the pending invitations come with the first page (they expire within days). */
export const Team = /* @__PURE__ */ z.lazy(() => z.extend(page(Member), { invitations: z.array(PendingStaffInvitation) }));

export const StaffInvitationSent = /* @__PURE__ */ z.lazy(() =>
  z.extend(built(PendingStaffInvitation), {
    /** Whether the invitation email went out; if not, invite again. */
    emailSent: z.boolean(),
  }),
);

/** A membership from an accepted invitation. */
export const JoinedOrganization = /* @__PURE__ */ z.lazy(() => z.extend(built(Member), { organizationId: z.string() }));

export const OrgActivityEntry = /* @__PURE__ */ z.lazy(() =>
  z.object({
    id: z.string(),
    at: Timestamp,
    actor: z.object({ type: z.enum(['staff', 'portal', 'system']), id: z.string(), email: z.optional(z.string()) }),
    action: z.enum(['member.invited', 'member.joined', 'member.role_changed', 'member.removed']),
    subject: z.object({ staffId: z.optional(z.string()), email: z.optional(z.string()) }),
    details: z.optional(z.object({ role: z.optional(role), previousRole: z.optional(role) })),
  }),
);

export const OrgActivityPage = /* @__PURE__ */ z.lazy(() => page(OrgActivityEntry));
