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

  it('knows IANA names, and nothing else', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Calcutta', 'America/Argentina/Buenos_Aires', 'Pacific/Kiritimati', 'Etc/GMT+5'])
      expect(isTimeZone(zone), zone).toBe(true);
    for (const zone of ['', '+05:30', 'UTC+5', 'Mars/Olympus', 'Europe/Berlin ', '../etc/passwd', 'Europe//Berlin', 'A'.repeat(65)])
      expect(isTimeZone(zone), zone).toBe(false);
  });
});
