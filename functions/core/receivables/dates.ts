import { Unprocessable } from '../errors.ts';

const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of a calendar date `YYYY-MM-DD`. Computed in UTC so
 * no time zone or daylight-saving shift can move a date by a day.
 */
export function epochDay(date: string, field: string, details?: Record<string, unknown>): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match) {
    const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
    const ms = Date.UTC(year, month - 1, day);
    const parsed = new Date(ms);
    // Date.UTC rolls 2026-02-30 over to March; a round trip catches it.
    if (parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day) {
      return ms / MS_PER_DAY;
    }
  }
  throw new Unprocessable('INVALID_DATE', `${field} must be a calendar date YYYY-MM-DD.`, { field, ...details });
}
