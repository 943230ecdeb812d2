import * as z from 'zod/mini';
import type { ReminderTemplate } from '../outbox/events.ts';
import { assertFeesOnOffsets, checkedLateFees, type LateFee, LateFeeInput, MAX_LATE_FEES } from './late-fees.ts';

/** At most this many reminders per invoice: a customer chased more often stops reading. */
export const MAX_REMINDERS = 6;
/** Offsets are whole days from the due date: at most 60 before it, at most 365 after it. */
export const OFFSET_RANGE = { earliest: -60, latest: 365 } as const;
/** What an organization that turns reminders on without choosing gets: three days before, on the day, a week and two weeks after. */
export const DEFAULT_OFFSETS: readonly number[] = [-3, 0, 7, 14];
/** The hour of the organization's day (its time zone) from which the day's reminders go out. */
export const SEND_HOUR = 9;

const Offset = /* @__PURE__ */ z.lazy(() => z.int().check(z.minimum(OFFSET_RANGE.earliest), z.maximum(OFFSET_RANGE.latest)));

export const ReminderSettingsInput = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    enabled: z.optional(z.boolean().register(z.globalRegistry, { description: 'Whether the daily run sends reminders of open invoices; default false.' })),
    offsets: z.optional(
      z.array(Offset).check(
        z.minLength(1),
        z.maxLength(MAX_REMINDERS),
        z.refine((offsets) => new Set(offsets).size === offsets.length, 'Each offset may appear once.'),
        z.describe(
          `Days from the due date on which a reminder goes out: negative before it, 0 on it, positive after it (${OFFSET_RANGE.earliest} to ${OFFSET_RANGE.latest}, 1–${MAX_REMINDERS} distinct values; default ${DEFAULT_OFFSETS.join(', ')}).`,
        ),
      ),
    ),
    lateFees: z.optional(
      z
        .array(LateFeeInput)
        .check(
          z.maxLength(MAX_LATE_FEES),
          z.describe(
            'Late fees charged with reminders after the due date, each as a separate invoice for the fee (due on receipt, outside the scope of VAT), at most once per invoice and reminder. Given whole, it replaces the fees there were; `[]` removes them. Default none.',
          ),
        ),
    ),
  }),
);
export type ReminderSettingsChange = z.infer<typeof ReminderSettingsInput>;

/** As stored on the organization: offsets ascending; no `lateFees` on settings stored before there were any. */
export interface ReminderSettings {
  enabled: boolean;
  offsets: number[];
  lateFees?: LateFee[];
}

/** The organization's reminder settings, every field filled in. */
export const reminderSettings = (organization: { reminders?: ReminderSettings }): Required<ReminderSettings> => ({
  enabled: organization.reminders?.enabled ?? false,
  offsets: organization.reminders?.offsets ?? [...DEFAULT_OFFSETS],
  lateFees: organization.reminders?.lateFees ?? [],
});

/**
 * The settings after a change: what it names replaces what was, offsets kept
 * ascending; every late fee must still go with one of the offsets (422).
 */
export function changedReminderSettings(current: Required<ReminderSettings>, change: ReminderSettingsChange, currency: string): Required<ReminderSettings> {
  const offsets = change.offsets ? [...change.offsets].sort((a, b) => a - b) : current.offsets;
  const lateFees = change.lateFees ? checkedLateFees(change.lateFees, offsets, currency) : current.lateFees;
  assertFeesOnOffsets(lateFees, offsets);
  return { enabled: change.enabled ?? current.enabled, offsets, lateFees };
}

/** Which email a reminder is: before the due date, on it, or after it. Each is its own template a business may edit. */
export const reminderTemplate = (daysFromDue: number): ReminderTemplate =>
  daysFromDue < 0 ? 'reminder-before' : daysFromDue === 0 ? 'reminder-due' : 'reminder-overdue';
