import { describe, expect, it } from 'vitest';
import { isClaimable } from '../../functions/core/portal-names/repository.ts';
import { portalNameProblem } from '../../functions/core/portal-names/rules.ts';

describe('portal name rules', () => {
  it.each([
    ['abc', undefined],
    ['acme-supplies', undefined],
    ['a1b', undefined],
    ['a'.repeat(63), undefined],
    ['ab', 'invalid'],
    ['a'.repeat(64), 'invalid'],
    ['-abc', 'invalid'],
    ['abc-', 'invalid'],
    ['a--b', 'invalid'],
    ['ABC', 'invalid'],
    ['a_b', 'invalid'],
    ['a.b', 'invalid'],
    ['www', 'reserved'],
    ['portal', 'reserved'],
    ['api', 'reserved'],
  ])('%s → %s', (name, problem) => {
    expect(portalNameProblem(name)).toBe(problem);
  });
});

describe('claimability of a portal name', () => {
  const now = 1_000_000;
  it('is free when unclaimed, or held by this organization, or when a hold lapsed', () => {
    expect(isClaimable(undefined, 'org_a', now)).toBe(true);
    expect(isClaimable({ name: 'x', orgId: 'org_a', state: 'held', expiresAt: now + 10 }, 'org_a', now)).toBe(true);
    expect(isClaimable({ name: 'x', orgId: 'org_b', state: 'held', expiresAt: now - 1 }, 'org_a', now)).toBe(true);
  });
  it('is taken while another organization uses or holds it', () => {
    expect(isClaimable({ name: 'x', orgId: 'org_b', state: 'active' }, 'org_a', now)).toBe(false);
    expect(isClaimable({ name: 'x', orgId: 'org_b', state: 'held', expiresAt: now + 1 }, 'org_a', now)).toBe(false);
    expect(isClaimable({ name: 'x', orgId: 'org_b', state: 'held', expiresAt: now + 1 }, undefined, now)).toBe(false);
  });
});
