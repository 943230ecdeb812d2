import type { StaffMfaEnrolment } from './repository.ts';

/**
 * Did this sign-in use the second factor? User-pool tokens do not say (no
 * `amr`), but with the pool's optional MFA every sign-in after an enrolment
 * is asked for a code, so a sign-in after the recorded enrolment did. Token
 * times are whole seconds: a sign-in in the enrolment's own second counts as
 * before it.
 */
export const signedInWithSecondFactor = (enrolment: StaffMfaEnrolment | undefined, authTime: number | undefined): boolean =>
  enrolment !== undefined && authTime !== undefined && authTime > enrolment.enrolledAt;
