import type { ReminderSchedule } from '../documents/reminder-schedule.ts';

/**
 * When reminders fall, from an invoice's due date and the organization's
 * offsets: pure date arithmetic on calendar days (YYYY-MM-DD), no clock.
 */

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

export const addDays = (date: string, days: number): string => new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** The first offset after the one handled, and the day it falls on; undefined when none is left. */
export function nextReminder(dueDate: string, offsets: readonly number[], through: number | null): { offset: number; on: string } | undefined {
  const offset = offsets.find((each) => through === null || each > through);
  return offset === undefined ? undefined : { offset, on: addDays(dueDate, offset) };
}

/**
 * The reminder to send on `today`: the latest offset not handled yet whose day
 * has come. Earlier ones whose day also passed (a run missed, reminders turned
 * on late) are passed over with it: a customer never gets a pile at once.
 */
export function reminderDue(schedule: Pick<ReminderSchedule, 'dueDate' | 'through'>, offsets: readonly number[], today: string): number | undefined {
  const come = offsets.filter((offset) => (schedule.through === null || offset > schedule.through) && addDays(schedule.dueDate, offset) <= today);
  return come.at(-1);
}
