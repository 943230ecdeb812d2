import { clock } from './clock.ts';

/**
 * Calendar days. A business keeps its books in its own time zone: "today" —
 * the day a payment may be dated at the latest, the day overdue and expired
 * are judged on, the default end of a statement and date of an aging — is the
 * date on the organization's wall clock, not in UTC. Every date Portico takes
 * from the clock is taken here.
 */

/** The zone of an organization that never chose one. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** An IANA name: letters first, then letters, digits, `_`, `+`, `-`, in `/`-separated parts (`America/Argentina/Buenos_Aires`, `Etc/GMT+5`). */
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, calendar: 'gregory', numberingSystem: 'latn', year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format;
}

/** Whether `timeZone` is an IANA time zone name this runtime knows (`UTC`, `Europe/Berlin`, `Asia/Kolkata`); offsets such as `+05:30` are not names. */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.length > 64 || !IANA_NAME.test(timeZone)) return false;
  try {
    formatIn(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date (YYYY-MM-DD) an instant falls on in an IANA time zone. */
export function dateIn(timeZone: string, at: Date = clock.now()): string {
  // UTC needs no time zone data: a function's first Intl format costs a cold start about 15 ms.
  if (timeZone === DEFAULT_TIME_ZONE) return at.toISOString().slice(0, 10);
  const parts = formatIn(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)!.value;
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** Today in the organization's time zone (UTC until it sets one). */
export const todayIn = (organization: { timeZone?: string }, at: Date = clock.now()): string => dateIn(organization.timeZone ?? DEFAULT_TIME_ZONE, at);

const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The hour (0–23) an instant falls in on an IANA time zone's wall clock. */
export function hourIn(timeZone: string, at: Date = clock.now()): number {
  if (timeZone === DEFAULT_TIME_ZONE) return at.getUTCHours();
  let format = hourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', hourCycle: 'h23', numberingSystem: 'latn' });
    hourFormats.set(timeZone, format);
  }
  return Number(format.formatToParts(at).find((part) => part.type === 'hour')!.value);
}
