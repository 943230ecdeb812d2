// The customer portal's door (the area's table is routes.ts): signing in, the session, the password, the second factor
// and the person's own account.
import {
  ChallengeResult,
  InvitationAccepted,
  MfaEnrolled,
  MfaEnrolment,
  PasswordChanged,
  PortalMe,
  ResetRequested,
  SignInPage,
  SignInResult,
  Tokens,
} from '../core/portal-access/responses.ts';
import {
  AcceptInvitationBody,
  ChallengeBody,
  ConfirmPasswordResetBody,
  MfaAccessBody,
  MfaCodeBody,
  NewPasswordBody,
  PasswordResetBody,
  RefreshBody,
  SignInBody,
} from '../core/portal-access/schema.ts';
import { PortalParams } from '../core/portal-names/schema.ts';
import type { RouteSpec } from '../core/route-spec.ts';
import { ListQuery } from '../core/shapes.ts';

export const signInRoute = {
  entry: 'portal/sign-in',
  summary: 'Sign in with email and password: tokens, or the new-password challenge',
  responses: { 200: SignInResult },
  errors: [401, 429],
  auth: 'none',
  params: PortalParams,
  body: SignInBody,
  needs: { table: 'readwrite', portalPool: 'session' },
} as const satisfies RouteSpec;

export const completeNewPasswordRoute = {
  entry: 'portal/complete-new-password',
  summary: 'Answer the first-sign-in challenge with a new password',
  responses: { 200: SignInResult },
  errors: [401, 422, 429],
  auth: 'none',
  params: PortalParams,
  body: NewPasswordBody,
  needs: { table: 'readwrite', portalPool: 'session' },
} as const satisfies RouteSpec;

export const refreshSessionRoute = {
  entry: 'portal/refresh-session',
  summary: 'New ID and access tokens for a refresh token',
  responses: { 200: Tokens },
  errors: [401, 429],
  auth: 'none',
  params: PortalParams,
  body: RefreshBody,
  needs: { table: 'read', portalPool: 'session' },
} as const satisfies RouteSpec;

export const signOutRoute = {
  entry: 'portal/sign-out',
  summary: 'Sign out: the refresh token stops working',
  responses: { 204: null },
  auth: 'none',
  params: PortalParams,
  body: RefreshBody,
  needs: { table: 'readwrite', portalPool: 'session' },
} as const satisfies RouteSpec;

export const acceptInvitationRoute = {
  entry: 'portal/accept-invitation',
  summary: "Choose a password with an invitation link's one-time token, and sign in",
  responses: { 200: InvitationAccepted },
  errors: [409, 422, 429],
  auth: 'none',
  params: PortalParams,
  body: AcceptInvitationBody,
  needs: { table: 'readwrite', portalPool: 'admin' },
} as const satisfies RouteSpec;

export const requestPasswordResetRoute = {
  entry: 'portal/request-password-reset',
  summary: 'Email a password-reset code (always 202, whoever the email belongs to)',
  responses: { 202: ResetRequested },
  errors: [429],
  auth: 'none',
  params: PortalParams,
  body: PasswordResetBody,
  needs: { table: 'readwrite', portalPool: 'session' },
} as const satisfies RouteSpec;

export const confirmPasswordResetRoute = {
  entry: 'portal/confirm-password-reset',
  summary: 'Set a new password with the emailed code',
  responses: { 200: PasswordChanged },
  errors: [401, 422, 429],
  auth: 'none',
  params: PortalParams,
  body: ConfirmPasswordResetBody,
  needs: { table: 'readwrite', portalPool: 'session', email: true, mailLimits: true, web: true },
} as const satisfies RouteSpec;

export const getMeRoute = {
  entry: 'portal/get-me',
  summary: "The signed-in person, their contact and the organization's branding",
  responses: { 200: PortalMe },
  auth: 'portal',
  params: PortalParams,
  needs: { table: 'read', web: true },
} as const satisfies RouteSpec;

export const listMySignInsRoute = {
  entry: 'portal/list-my-sign-ins',
  summary: "The signed-in person's sign-in attempts, newest first",
  responses: { 200: SignInPage },
  auth: 'portal',
  params: PortalParams,
  query: ListQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const signOutEverywhereRoute = {
  entry: 'portal/sign-out-everywhere',
  summary: 'End every session of the signed-in person, on every device',
  responses: { 204: null },
  auth: 'portal',
  params: PortalParams,
  needs: { table: 'readwrite', portalPool: 'admin' },
} as const satisfies RouteSpec;

export const answerChallengeRoute = {
  entry: 'portal/answer-challenge',
  summary: 'Answer a sign-in challenge: a new password, a TOTP code, or enrolling an authenticator',
  responses: { 200: ChallengeResult },
  errors: [401, 422, 429],
  auth: 'none',
  params: PortalParams,
  body: ChallengeBody,
  needs: { table: 'readwrite', portalPool: 'session' },
  renders: 'qrCode',
} as const satisfies RouteSpec;

export const beginMfaEnrolmentRoute = {
  entry: 'portal/begin-mfa-enrolment',
  summary: 'Start enrolling an authenticator: its secret and QR code',
  responses: { 200: MfaEnrolment },
  errors: [422],
  auth: 'portal',
  params: PortalParams,
  body: MfaAccessBody,
  needs: { table: 'read', portalPool: 'session' },
  renders: 'qrCode',
} as const satisfies RouteSpec;

export const verifyMfaEnrolmentRoute = {
  entry: 'portal/verify-mfa-enrolment',
  summary: "Confirm an authenticator with its first code; it becomes the person's second factor",
  responses: { 200: MfaEnrolled },
  errors: [409, 422],
  auth: 'portal',
  params: PortalParams,
  body: MfaCodeBody,
  needs: { table: 'readwrite', portalPool: 'session' },
} as const satisfies RouteSpec;

export const removeMfaEnrolmentRoute = {
  entry: 'portal/remove-mfa-enrolment',
  summary: 'Turn the second factor off (refused while the organization requires it)',
  responses: { 204: null },
  errors: [409, 422],
  auth: 'portal',
  params: PortalParams,
  body: MfaAccessBody,
  needs: { table: 'readwrite', portalPool: 'session' },
} as const satisfies RouteSpec;
