import * as z from 'zod/mini';
import { built } from '../built-schema.ts';
import { Contact, Person } from '../contacts/responses.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { Organization } from '../orgs/responses.ts';

/** One person's grant: how they were told, and whether the email went out (access holds either way). */
const Grant = /* @__PURE__ */ z.lazy(() =>
  z.object({
    personId: z.string(),
    portalAccess: built(Person).shape.portalAccess,
    delivery: z.enum(['credentials', 'invitation']),
    emailSent: z.boolean(),
  }),
);

export const AccessGranted = /* @__PURE__ */ z.lazy(() => z.object({ contactId: z.string(), persons: z.array(Grant) }));
export const Reinvited = /* @__PURE__ */ z.lazy(() => z.object({ reinvited: z.int(), persons: z.array(Grant) }));

/** Cognito's tokens; a refresh answers without a new refresh token. */
export const Tokens = /* @__PURE__ */ z.lazy(() =>
  z.object({
    idToken: z.string(),
    accessToken: z.string(),
    refreshToken: z.optional(z.string()),
    expiresIn: z.int(),
    tokenType: z.literal('Bearer'),
  }),
);

/**
 * A sign-in that needs one more answer (POST …/sessions/challenge): a new password for a staff-set temporary one,
 * a TOTP code, or enrolling an authenticator where the organization requires MFA.
 */
const Challenge = /* @__PURE__ */ z.lazy(() =>
  z.object({ challenge: z.enum(['NEW_PASSWORD_REQUIRED', 'SOFTWARE_TOKEN_MFA', 'MFA_SETUP']), session: z.string() }),
);

export const SignInResult = /* @__PURE__ */ z.lazy(() => z.union([Tokens, Challenge]));

/** An accepted invitation signs the person in, or (MFA required) asks them to enrol, naming the email the challenge is answered with. */
export const InvitationAccepted = /* @__PURE__ */ z.lazy(() => z.union([Tokens, z.extend(built(Challenge), { email: z.string() })]));

/** What an authenticator app needs: the otpauth URI (also as a QR code image) and the secret for typing in. */
export const MfaEnrolment = /* @__PURE__ */ z.lazy(() => z.object({ secretCode: z.string(), otpauthUri: z.string(), qrCode: z.string() }));

/** MFA_SETUP answered without a code: the enrolment, and the session to answer with the first code. */
export const ChallengeResult = /* @__PURE__ */ z.lazy(() => z.union([Tokens, Challenge, z.extend(built(MfaEnrolment), { session: z.string() })]));

export const MfaEnrolled = /* @__PURE__ */ z.lazy(() => z.object({ enrolled: z.literal(true) }));

export const ResetRequested = /* @__PURE__ */ z.lazy(() => z.object({ accepted: z.literal(true) }));
export const PasswordChanged = /* @__PURE__ */ z.lazy(() => z.object({ passwordChanged: z.literal(true) }));

/** Who is signed in: the person, their contact and the organization's branding. */
export const PortalMe = /* @__PURE__ */ z.lazy(() =>
  z.object({
    person: Person,
    language: z
      .enum(LANGUAGES)
      .register(z.globalRegistry, { description: "The language the person reads: their own, else their contact's, else the organization's." }),
    contact: z.pick(built(Contact), { id: true, name: true, email: true }),
    mfa: z.object({ setting: z.enum(['off', 'optional', 'required']), enrolled: z.boolean() }),
    organization: z.pick(built(Organization), { name: true, branding: true, portalName: true, portalUrl: true, offlinePaymentInstructions: true }),
    /** What the pages offer: a Pay button when enabled and the person may pay; an amount field when partial payments are allowed. */
    onlinePayments: z.extend(built(Organization).shape.onlinePayments, { permitted: z.boolean() }),
  }),
);

/** One sign-in attempt: when, from where, and whether it got in; never a password or token. */
export const SignIn = /* @__PURE__ */ z.lazy(() =>
  z.object({
    id: z.string(),
    at: z.iso.datetime(),
    result: z.enum(['success', 'failure']),
    step: z.enum(['password', 'challenge']),
    sourceIp: z.string(),
    userAgent: z.string(),
  }),
);
export const SignInPage = /* @__PURE__ */ z.lazy(() => z.object({ items: z.array(SignIn), nextCursor: z.nullable(z.string()) }));
