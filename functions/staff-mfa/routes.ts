import type { RouteSpec } from '../core/route-spec.ts';
import { StaffMfaEnrolled, StaffMfaEnrolment } from '../core/staff-mfa/responses.ts';
import { StaffMfaBody, StaffMfaVerifyBody } from '../core/staff-mfa/schema.ts';

export const beginStaffMfaEnrolmentRoute = {
  entry: 'staff-mfa/begin-staff-mfa-enrolment',
  summary: "Start enrolling the caller's authenticator app (staff): its secret and otpauth URI",
  responses: { 200: StaffMfaEnrolment },
  errors: [422, 429],
  auth: 'staff',
  body: StaffMfaBody,
  needs: { staffPool: true },
} as const satisfies RouteSpec;

export const verifyStaffMfaEnrolmentRoute = {
  entry: 'staff-mfa/verify-staff-mfa-enrolment',
  summary: "Confirm the caller's authenticator app with its first code; organizations that require MFA admit the next sign-in",
  responses: { 200: StaffMfaEnrolled },
  errors: [422, 429],
  auth: 'staff',
  body: StaffMfaVerifyBody,
  needs: { table: 'readwrite', staffPool: true },
} as const satisfies RouteSpec;

/** A staff user's own second factor. */
export const routes = {
  'POST /v1/me/mfa': beginStaffMfaEnrolmentRoute,
  'POST /v1/me/mfa/verify': verifyStaffMfaEnrolmentRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'Staff MFA';
