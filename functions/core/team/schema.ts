import * as z from 'zod/mini';
import { staffRoles } from '../access/roles.ts';
import { Email } from '../contacts/schema.ts';

const id = z.string().check(z.minLength(1), z.maxLength(64));
const role = z.enum(staffRoles);

export const MemberParams = z.lazy(() => z.object({ orgId: id, staffId: id }));
export const InviteMemberBody = z.lazy(() => z.strictObject({ email: Email, role }));
export const ChangeRoleBody = z.lazy(() => z.strictObject({ role }));
export const AcceptStaffInvitationBody = z.lazy(() => z.strictObject({ token: z.string().check(z.minLength(1), z.maxLength(300)) }));

export type InviteMemberInput = z.infer<typeof InviteMemberBody>;
