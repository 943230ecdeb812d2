import { describe, expect, it } from 'vitest';
import { signedInWithSecondFactor } from '../../functions/core/staff-mfa/policy.ts';

describe('a staff sign-in with a second factor', () => {
  const enrolment = { staffId: 'stf_1', enrolledAt: 1_700_000_000 };

  it('is one after the recorded enrolment', () => {
    expect(signedInWithSecondFactor(enrolment, 1_700_000_001)).toBe(true);
  });

  it('is not one before it, nor in its own second (token times are whole seconds)', () => {
    expect(signedInWithSecondFactor(enrolment, 1_699_999_999)).toBe(false);
    expect(signedInWithSecondFactor(enrolment, 1_700_000_000)).toBe(false);
  });

  it('is not one without an enrolment, or without a sign-in time', () => {
    expect(signedInWithSecondFactor(undefined, 1_700_000_001)).toBe(false);
    expect(signedInWithSecondFactor(enrolment, undefined)).toBe(false);
  });
});
