import { describe, expect, it } from 'vitest';
import { withEnvironment } from '../../functions/core/config.ts';
import { defaultMailLimits, mailLimitVariables, nextWindow, organizationDailyLimit, senderDailyLimit } from '../../functions/core/email/limits.ts';
import { mailLimitsFrom } from '../../lib/mail-limits-context.ts';

const deployedWith = <T>(run: () => T) => withEnvironment(mailLimitVariables({ newOrganization: 1_000, organization: 10_000, perSender: 2_000 }), run);

describe('daily mail limits', () => {
  it('read the operator context, and stop the synth on a value that is not a count', () => {
    expect(mailLimitsFrom((name) => ({ mailLimitNewOrganization: '2500' })[name])).toEqual({ newOrganization: 2500 });
    expect(mailLimitsFrom(() => undefined)).toEqual({});
    expect(() => mailLimitsFrom((name) => (name === 'mailLimitPerSender' ? '2k' : undefined))).toThrow(
      'Context mailLimitPerSender must be a positive whole number of emails per day, not "2k".',
    );
  });

  it('give a new organization 1,000 a day for its first week, then 10,000; an operator figure wins', () => {
    const now = new Date('2026-12-06T12:00:00Z');
    deployedWith(() => {
      expect(organizationDailyLimit({ createdAt: '2026-12-06T11:00:00Z' }, undefined, now)).toBe(defaultMailLimits.newOrganization);
      expect(organizationDailyLimit({ createdAt: '2026-11-29T12:00:01Z' }, undefined, now)).toBe(1_000);
      expect(organizationDailyLimit({ createdAt: '2026-11-29T12:00:00Z' }, undefined, now)).toBe(10_000);
      expect(organizationDailyLimit({ createdAt: '2026-12-06T11:00:00Z' }, 50_000, now)).toBe(50_000);
      // A sender is held to their own limit unless the organization was trusted with more.
      expect(senderDailyLimit(1_000)).toBe(2_000);
      expect(senderDailyLimit(50_000)).toBe(50_000);
    });
  });

  it('open a new window at the next UTC midnight', () => {
    expect(nextWindow(new Date('2026-12-06T23:59:59.999Z'))).toBe('2026-12-07T00:00:00.000Z');
    expect(nextWindow(new Date('2026-12-31T00:00:00Z'))).toBe('2027-01-01T00:00:00.000Z');
  });
});
