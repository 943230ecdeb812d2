import * as z from 'zod/mini';
import { staffRoles } from '../access/roles.ts';
import { Email } from '../contacts/schema.ts';

const id = /* @__PURE__ */ z.lazy(() => z.string().check(z.minLength(1), z.maxLength(64)));
const role = /* @__PURE__ */ z.lazy(() => z.enum(staffRoles));

export const MemberParams = /* @__PURE__ */ z.lazy(() => z.object({ orgId: id, staffId: id }));
export const InviteMemberBody = /* @__PURE__ */ z.lazy(() => z.strictObject({ email: Email, role }));
export const ChangeRoleBody = /* @__PURE__ */ z.lazy(() => z.strictObject({ role }));
export const AcceptStaffInvitationBody = /* @__PURE__ */ z.lazy(() => z.strictObject({ token: z.string().check(z.minLength(1), z.maxLength(300)) }));

export type InviteMemberInput = z.infer<typeof InviteMemberBody>;
