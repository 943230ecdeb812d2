import * as z from 'zod/mini';
import { Email, MAX_PERSONS_PER_CONTACT, PortalPermissions } from '../contacts/schema.ts';

const id = z.string().check(z.minLength(1), z.maxLength(64));
/** Only the shape here: the pool's policy is a domain rule (422 WEAK_PASSWORD), see password-policy.ts. */
const password = z.string().check(z.minLength(1), z.maxLength(256));
const opaque = z.string().check(z.minLength(1), z.maxLength(8192));

export const EnableAccessBody = z.strictObject({
  personIds: z.array(id).check(z.minLength(1), z.maxLength(MAX_PERSONS_PER_CONTACT)),
  password: z.optional(password),
  passwordPermanent: z.optional(z.boolean()),
  /** For every person named; without it each keeps their own (or gets the organization's default). */
  portalPermissions: z.optional(PortalPermissions),
});

export const ReinviteBody = z.strictObject({
  contactIds: z.optional(z.array(id).check(z.minLength(1), z.maxLength(100))),
});

export const SignInBody = z.strictObject({ email: Email, password });
export const NewPasswordBody = z.strictObject({ email: Email, session: opaque, newPassword: password });
export const RefreshBody = z.strictObject({ refreshToken: opaque });
export const AcceptInvitationBody = z.strictObject({ token: z.string().check(z.minLength(1), z.maxLength(200)), password });
export const PasswordResetBody = z.strictObject({ email: Email });
export const ConfirmPasswordResetBody = z.strictObject({ email: Email, code: z.string().check(z.minLength(1), z.maxLength(100)), newPassword: password });

export type EnableAccessInput = z.infer<typeof EnableAccessBody>;
export type ReinviteInput = z.infer<typeof ReinviteBody>;
export type SignInInput = z.infer<typeof SignInBody>;
export type NewPasswordInput = z.infer<typeof NewPasswordBody>;
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationBody>;
export type ConfirmPasswordResetInput = z.infer<typeof ConfirmPasswordResetBody>;
