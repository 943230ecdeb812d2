import * as z from 'zod/mini';
import type { ReminderTemplate } from '../outbox/events.ts';

/** At most this many reminders per invoice: a customer chased more often stops reading. */
export const MAX_REMINDERS = 6;
/** Offsets are whole days from the due date: at most 60 before it, at most 365 after it. */
export const OFFSET_RANGE = { earliest: -60, latest: 365 } as const;
/** What an organization that turns reminders on without choosing gets: three days before, on the day, a week and two weeks after. */
export const DEFAULT_OFFSETS: readonly number[] = [-3, 0, 7, 14];
/** The hour of the organization's day (its time zone) from which the day's reminders go out. */
export const SEND_HOUR = 9;

const Offset = z.int().check(z.minimum(OFFSET_RANGE.earliest), z.maximum(OFFSET_RANGE.latest));

export const ReminderSettingsInput = z.strictObject({
  enabled: z.optional(z.boolean().check(z.describe('Whether the daily run sends reminders of open invoices; default false.'))),
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
});
export type ReminderSettingsChange = z.infer<typeof ReminderSettingsInput>;

/** As stored on the organization: offsets ascending. */
export interface ReminderSettings {
  enabled: boolean;
  offsets: number[];
}

/** The organization's reminder settings, every field filled in. */
export const reminderSettings = (organization: { reminders?: ReminderSettings }): ReminderSettings => ({
  enabled: organization.reminders?.enabled ?? false,
  offsets: organization.reminders?.offsets ?? [...DEFAULT_OFFSETS],
});

/** The settings after a change: what it names replaces what was, offsets kept ascending. */
export function changedReminderSettings(current: ReminderSettings, change: ReminderSettingsChange): ReminderSettings {
  const offsets = change.offsets ? [...change.offsets].sort((a, b) => a - b) : current.offsets;
  return { enabled: change.enabled ?? current.enabled, offsets };
}

/** Which email a reminder is: before the due date, on it, or after it. Each is its own template a business may edit. */
export const reminderTemplate = (daysFromDue: number): ReminderTemplate =>
  daysFromDue < 0 ? 'reminder-before' : daysFromDue === 0 ? 'reminder-due' : 'reminder-overdue';
