import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateIn, hourIn, isTimeZone, todayIn } from '../../functions/core/calendar.ts';
import { effectiveStatus } from '../../functions/core/documents/status.ts';
import { pastOrToday } from '../../functions/core/payments/service.ts';
import { ageReceivables } from '../../functions/core/receivables/aging.ts';

afterEach(() => {
  vi.useRealTimers();
});

const kolkata = { timeZone: 'Asia/Kolkata' };
const invoice = { kind: 'invoice' as const, status: 'sent' as const, balance: 10_000, dueDate: '2026-03-14' };

describe("the organization's calendar", () => {
  it("takes today from the clock in the organization's zone, UTC until it chose one", () => {
    // 20:30 UTC on 14 March is 02:00 on 15 March in Kolkata (UTC+05:30) and 10:30 on 15 March on Kiritimati (UTC+14).
    vi.useFakeTimers({ now: new Date('2026-03-14T20:30:00Z'), toFake: ['Date'] });
    expect(todayIn({})).toBe('2026-03-14');
    expect(todayIn({ timeZone: 'UTC' })).toBe('2026-03-14');
    expect(todayIn(kolkata)).toBe('2026-03-15');
    expect(todayIn({ timeZone: 'Pacific/Kiritimati' })).toBe('2026-03-15');
    expect(todayIn({ timeZone: 'America/Los_Angeles' })).toBe('2026-03-14');
    expect(todayIn({ timeZone: 'Pacific/Pago_Pago' })).toBe('2026-03-14');
  });

  it('reads UTC without time zone data, as Intl would', () => {
    const utc = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (const instant of ['2026-12-31T23:59:59.999Z', '2027-01-01T00:00:00Z', '2028-02-29T12:00:00Z', '1900-01-01T00:00:00Z', '2199-12-31T23:59:59Z']) {
      const at = new Date(instant);
      expect(dateIn('UTC', at)).toBe(utc.format(at));
      expect(hourIn('UTC', at)).toBe(at.getUTCHours());
    }
  });

  it('accepts a payment dated the local today at 02:00 in Kolkata, which UTC would call tomorrow', () => {
    vi.useFakeTimers({ now: new Date('2026-03-14T20:30:00Z'), toFake: ['Date'] });
    expect(pastOrToday('2026-03-15', todayIn(kolkata))).toBe('2026-03-15');
    expect(pastOrToday(undefined, todayIn(kolkata))).toBe('2026-03-15');
    expect(() => pastOrToday('2026-03-16', todayIn(kolkata))).toThrow(expect.objectContaining({ status: 422, code: 'INVALID_DATE' }));
    expect(() => pastOrToday('2026-03-15', todayIn({}))).toThrow(expect.objectContaining({ status: 422, code: 'INVALID_DATE' }));
  });

  it('turns the day at local midnight, across daylight saving changes', () => {
    expect(dateIn('Asia/Kolkata', new Date('2026-03-14T18:29:59Z'))).toBe('2026-03-14');
    expect(dateIn('Asia/Kolkata', new Date('2026-03-14T18:30:00Z'))).toBe('2026-03-15');
    // New York springs forward at 02:00 EST on 8 March 2026: midnight before it is 05:00 UTC, the one after 04:00 UTC.
    expect(dateIn('America/New_York', new Date('2026-03-08T04:59:59Z'))).toBe('2026-03-07');
    expect(dateIn('America/New_York', new Date('2026-03-08T05:00:00Z'))).toBe('2026-03-08');
    expect(dateIn('America/New_York', new Date('2026-03-09T03:59:59Z'))).toBe('2026-03-08');
    expect(dateIn('America/New_York', new Date('2026-03-09T04:00:00Z'))).toBe('2026-03-09');
    expect(dateIn('UTC', new Date('2199-12-31T23:59:59Z'))).toBe('2199-12-31');
  });

  it('makes an invoice overdue, and ages it, from local midnight after its due date', () => {
    const before = todayIn(kolkata, new Date('2026-03-14T18:29:59Z'));
    const after = todayIn(kolkata, new Date('2026-03-14T18:30:00Z'));
    expect(effectiveStatus(invoice, before)).toBe('sent');
    expect(effectiveStatus(invoice, after)).toBe('overdue');
    // In UTC the same instant is still the due date.
    expect(effectiveStatus(invoice, todayIn({}, new Date('2026-03-14T18:30:00Z')))).toBe('sent');
    const open = [{ id: 'doc_1', contactId: 'con_1', currency: 'EUR', dueDate: invoice.dueDate, balance: invoice.balance }];
    expect(ageReceivables(open, before).totals[0]).toMatchObject({ current: 10_000, days1to30: 0 });
    expect(ageReceivables(open, after).totals[0]).toMatchObject({ current: 0, days1to30: 10_000 });
  });

  it("reads every zone's date and hour as Intl does, around daylight saving changes and in any case of the name", () => {
    const formats = new Map<string, Intl.DateTimeFormat>();
    const wallClock = (timeZone: string, at: Date) => {
      if (!formats.has(timeZone))
        formats.set(
          timeZone,
          new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit' }),
        );
      const parts = formats.get(timeZone)!.formatToParts(at);
      const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)!.value;
      return { date: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
    };
    const zones = [...Intl.supportedValuesOf('timeZone'), 'Asia/Calcutta', 'US/Eastern', 'EST5EDT', 'Etc/GMT', 'europe/berlin', 'AMERICA/NEW_YORK'];
    // Every 37 days and 5 hours from 2024 to 2029: each zone on both sides of its changes, at many hours of the day.
    const instants = Array.from({ length: 48 }, (_, index) => new Date(Date.UTC(2024, 0, 1) + index * (37 * 24 + 5) * 3_600_000));
    // The hours either side of New York's spring change, and Lord Howe's half-hour one (02:00 local, 15:00 UTC the day before).
    instants.push(new Date('2026-03-08T06:59:00Z'), new Date('2026-03-08T07:00:00Z'), new Date('2026-10-03T14:59:00Z'), new Date('2026-10-03T15:00:00Z'));
    const mismatches = zones.flatMap((zone) =>
      instants
        .filter((at) => {
          const expected = wallClock(zone, at);
          return dateIn(zone, at) !== expected.date || hourIn(zone, at) !== expected.hour;
        })
        .map((at) => `${zone} ${at.toISOString()}`),
    );
    expect(mismatches).toEqual([]);
    expect(zones.length).toBeGreaterThan(400);
  });

  it("leaves the process's own time zone as it found it", () => {
    const own = process.env.TZ;
    const noon = new Date('2026-03-14T12:00:00Z');
    const localHour = noon.getHours();
    expect(dateIn('Pacific/Kiritimati', new Date('2026-03-14T20:30:00Z'))).toBe('2026-03-15');
    expect(hourIn('Asia/Kolkata', noon)).toBe(17);
    expect(process.env.TZ).toBe(own);
    expect(noon.getHours()).toBe(localHour);
  });

  it('knows IANA names, and nothing else', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Calcutta', 'America/Argentina/Buenos_Aires', 'Pacific/Kiritimati', 'Etc/GMT+5'])
      expect(isTimeZone(zone), zone).toBe(true);
    for (const zone of ['', '+05:30', 'UTC+5', 'Mars/Olympus', 'Europe/Berlin ', '../etc/passwd', 'Europe//Berlin', 'A'.repeat(65)])
      expect(isTimeZone(zone), zone).toBe(false);
  });
});
