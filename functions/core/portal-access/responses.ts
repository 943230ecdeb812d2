import * as z from 'zod/mini';
import { Contact, Person } from '../contacts/responses.ts';
import { Organization } from '../orgs/responses.ts';

/** One person's grant: how they were told, and whether the email went out (access holds either way). */
const Grant = z.object({
  personId: z.string(),
  portalAccess: Person.shape.portalAccess,
  delivery: z.enum(['credentials', 'invitation']),
  emailSent: z.boolean(),
});

export const AccessGranted = z.object({ contactId: z.string(), persons: z.array(Grant) });
export const Reinvited = z.object({ reinvited: z.int(), persons: z.array(Grant) });

/** Cognito's tokens; a refresh answers without a new refresh token. */
export const Tokens = z.object({
  idToken: z.string(),
  accessToken: z.string(),
  refreshToken: z.optional(z.string()),
  expiresIn: z.int(),
  tokenType: z.literal('Bearer'),
});

/** A staff-set temporary password must be replaced first (POST …/sessions/new-password). */
const NewPasswordChallenge = z.object({ challenge: z.literal('NEW_PASSWORD_REQUIRED'), session: z.string() });

export const SignInResult = z.union([Tokens, NewPasswordChallenge]);

export const ResetRequested = z.object({ accepted: z.literal(true) });
export const PasswordChanged = z.object({ passwordChanged: z.literal(true) });

/** Who is signed in: the person, their contact and the organization's branding. */
export const PortalMe = z.object({
  person: Person,
  contact: z.pick(Contact, { id: true, name: true, email: true }),
  organization: z.pick(Organization, { name: true, branding: true, portalName: true, portalUrl: true }),
});

/** One sign-in attempt: when, from where, and whether it got in; never a password or token. */
export const SignIn = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  result: z.enum(['success', 'failure']),
  step: z.enum(['password', 'challenge']),
  sourceIp: z.string(),
  userAgent: z.string(),
});
export const SignInPage = z.object({ items: z.array(SignIn), nextCursor: z.nullable(z.string()) });
