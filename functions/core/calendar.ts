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

/** The zone's wall clock to the second, in parts: where `TZ` cannot be trusted (below), and to check a name. */
function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
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
export const dateIn = (timeZone: string, at: Date = clock.now()): string => wallClock(timeZone, at).toISOString().slice(0, 10);

/** Today in the organization's time zone (UTC until it sets one). */
export const todayIn = (organization: { timeZone?: string }, at: Date = clock.now()): string => dateIn(organization.timeZone ?? DEFAULT_TIME_ZONE, at);

/** The hour (0–23) an instant falls in on an IANA time zone's wall clock. */
export const hourIn = (timeZone: string, at: Date = clock.now()): number => wallClock(timeZone, at).getUTCHours();

/** The zone's wall clock at `at`, as the instant whose UTC fields read the same. */
function wallClock(timeZone: string, at: Date): Date {
  // UTC needs no zone data at all.
  return timeZone === DEFAULT_TIME_ZONE ? at : new Date(at.getTime() + offsetMs(timeZone, at));
}

/*
 * A zone's offset from the process's own clock rather than from Intl. The first
 * Intl formatter a process builds lists every locale ICU has: 20 ms of a cold
 * start on Node 20, 45 ms on Node 22, for every organization outside UTC. Date's
 * local time reads the same ICU zone data for the zone `TZ` names, and switching
 * `TZ` costs about 1 ms the first time, 0.1 ms after. Intl stays the answer
 * wherever the switch cannot be trusted: in a thread whose environment is its
 * own copy (a worker's), where `TZ` changes nothing, and for a name ICU's zones
 * do not know though Intl does (Intl ignores case: `europe/berlin`).
 */
let zoneSwitching: boolean | undefined;
/** What ICU calls a zone it does not know: GMT, named by its offset (`GMT+00:00`, in some languages `UTC+00:00`). */
const UNKNOWN_ZONE = /\((?:GMT|UTC)[+-]00:00\)$/;
/** Each zone's offset in the minute it was last read: zones change offset on the minute, and a warm process reads it again without switching. */
const lastOffsets = new Map<string, { minute: number; offsetMs: number }>();

/** How far the zone's wall clock is ahead of UTC at `at`, in milliseconds. */
function offsetMs(timeZone: string, at: Date): number {
  const minute = Math.floor(at.getTime() / 60_000);
  const last = lastOffsets.get(timeZone);
  if (last?.minute === minute) return last.offsetMs;
  const offset = switchedOffsetMs(timeZone, at) ?? intlOffsetMs(timeZone, at);
  lastOffsets.set(timeZone, { minute, offsetMs: offset });
  return offset;
}

/** The offset as Date's local time gives it under `TZ`; undefined where the switch cannot be trusted. */
function switchedOffsetMs(timeZone: string, at: Date): number | undefined {
  zoneSwitching ??= inZone('Etc/GMT-14', () => new Date(0).getTimezoneOffset() === -14 * 60);
  if (!zoneSwitching) return undefined;
  return inZone(timeZone, () => {
    const minutes = -at.getTimezoneOffset();
    return minutes === 0 && UNKNOWN_ZONE.test(at.toString()) ? undefined : minutes * 60_000;
  });
}

/** The offset as Intl's wall clock gives it, to the second. */
function intlOffsetMs(timeZone: string, at: Date): number {
  const parts = formatIn(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((each) => each.type === type)!.value);
  const local = new Date(0);
  // Not Date.UTC: it reads years 0–99 as 1900–1999.
  local.setUTCFullYear(part('year'), part('month') - 1, part('day'));
  local.setUTCHours(part('hour'), part('minute'), part('second'));
  return local.getTime() - Math.floor(at.getTime() / 1_000) * 1_000;
}

/** Runs `read` with the process's time zone set to `timeZone`, then restores it: one synchronous step, so no other code sees the borrowed zone. */
function inZone<T>(timeZone: string, read: () => T): T {
  const own = process.env.TZ;
  process.env.TZ = timeZone;
  try {
    return read();
  } finally {
    if (own === undefined) delete process.env.TZ;
    else process.env.TZ = own;
  }
}
