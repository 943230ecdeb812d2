import * as z from 'zod/mini';
import { Email, MAX_PERSONS_PER_CONTACT, PortalPermissions } from '../contacts/schema.ts';

const id = /* @__PURE__ */ z.lazy(() => z.string().check(z.minLength(1), z.maxLength(64)));
/** Only the shape here: the pool's policy is a domain rule (422 WEAK_PASSWORD), see password-policy.ts. */
const password = /* @__PURE__ */ z.lazy(() => z.string().check(z.minLength(1), z.maxLength(256)));
const opaque = /* @__PURE__ */ z.lazy(() => z.string().check(z.minLength(1), z.maxLength(8192)));

export const EnableAccessBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    personIds: z.array(id).check(z.minLength(1), z.maxLength(MAX_PERSONS_PER_CONTACT)),
    password: z.optional(password),
    passwordPermanent: z.optional(z.boolean()),
    /** For every person named; without it each keeps their own (or gets the organization's default). */
    portalPermissions: z.optional(PortalPermissions),
  }),
);

export const ReinviteBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    contactIds: z.optional(z.array(id).check(z.minLength(1), z.maxLength(100))),
  }),
);

export const SignInBody = /* @__PURE__ */ z.lazy(() => z.strictObject({ email: Email, password }));
export const ChallengeBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    email: Email,
    challenge: z.enum(['NEW_PASSWORD_REQUIRED', 'SOFTWARE_TOKEN_MFA', 'MFA_SETUP']),
    session: opaque,
    /** The new password, or the authenticator's 6-digit code; MFA_SETUP without it asks for the secret to enrol. */
    answer: z.optional(password),
  }),
);
/** The enrolment calls act with the person's access token (the ID token that authorizes the request cannot). */
export const MfaAccessBody = /* @__PURE__ */ z.lazy(() => z.strictObject({ accessToken: opaque }));
export const MfaCodeBody = /* @__PURE__ */ z.lazy(() => z.strictObject({ accessToken: opaque, code: z.string().check(z.minLength(1), z.maxLength(10)) }));
export const NewPasswordBody = /* @__PURE__ */ z.lazy(() => z.strictObject({ email: Email, session: opaque, newPassword: password }));
export const RefreshBody = /* @__PURE__ */ z.lazy(() => z.strictObject({ refreshToken: opaque }));
export const AcceptInvitationBody = /* @__PURE__ */ z.lazy(() => z.strictObject({ token: z.string().check(z.minLength(1), z.maxLength(200)), password }));
export const PasswordResetBody = /* @__PURE__ */ z.lazy(() => z.strictObject({ email: Email }));
export const ConfirmPasswordResetBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({ email: Email, code: z.string().check(z.minLength(1), z.maxLength(100)), newPassword: password }),
);

export type EnableAccessInput = z.infer<typeof EnableAccessBody>;
export type ReinviteInput = z.infer<typeof ReinviteBody>;
export type SignInInput = z.infer<typeof SignInBody>;
export type ChallengeInput = z.infer<typeof ChallengeBody>;
export type NewPasswordInput = z.infer<typeof NewPasswordBody>;
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationBody>;
export type ConfirmPasswordResetInput = z.infer<typeof ConfirmPasswordResetBody>;
