import { tableName } from '../db/client.ts';
import { type Key, keys } from '../db/keys.ts';
import type { TransactionStep } from '../db/transact.ts';

/** A staff user's TOTP enrolment as Portico recorded it (epoch seconds, comparable with a token's `auth_time`). */
export interface StaffMfaEnrolment {
  staffId: string;
  enrolledAt: number;
}

/** The enrolment's key, for reading it alongside a membership (access/staff.ts). */
export const enrolmentKey = (staffId: string): Key => keys.staffMfa(staffId);

/** The enrolment in an item read by its key, if there is one. */
export const asEnrolment = (item: Record<string, unknown> | undefined): StaffMfaEnrolment | undefined =>
  item && typeof item.enrolledAt === 'number' ? { staffId: String(item.staffId), enrolledAt: item.enrolledAt } : undefined;

/** Records (or renews, after enrolling a new authenticator) the enrolment: sign-ins from before it no longer count. */
export function putEnrolmentStep(enrolment: StaffMfaEnrolment): TransactionStep {
  return { write: { Put: { TableName: tableName(), Item: { ...enrolmentKey(enrolment.staffId), type: 'staffMfa', ...enrolment } } } };
}
