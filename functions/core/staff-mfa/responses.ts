import * as z from 'zod/mini';
import { Timestamp } from '../shapes.ts';

/** What an authenticator app needs: the secret to type in, or the otpauth URI (as a link or QR code). */
export const StaffMfaEnrolment = /* @__PURE__ */ z.lazy(() => z.object({ secretCode: z.string(), otpauthUri: z.string() }));

/** Enrolled: sign-ins from now on are asked for a code, and count where an organization requires MFA. */
export const StaffMfaEnrolled = /* @__PURE__ */ z.lazy(() => z.object({ enrolled: z.literal(true), enrolledAt: Timestamp }));
