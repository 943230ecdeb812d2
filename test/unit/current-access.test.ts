import { describe, expect, it } from 'vitest';
import type { Contact, Person } from '../../functions/core/contacts/schema.ts';
import { DomainError } from '../../functions/core/errors.ts';
import type { Organization } from '../../functions/core/orgs/schema.ts';
import { currentAccess } from '../../functions/core/portal-access/current-access.ts';

const organization = { id: 'org_1', portalGeneration: 2 } as Organization;
const person = (fields: Partial<Person>): Person => ({
  id: 'per_1',
  name: 'Ann',
  email: 'ann@globex.test',
  primary: true,
  portalAccess: 'active',
  portalGeneration: 2,
  username: 'pp_1',
  ...fields,
});
const contactWith = (fields: Partial<Person>) => ({ id: 'con_1', persons: [person(fields)] }) as Contact;

/** The refusal's code, or 'held' when the credential still holds. */
function check(fields: Partial<Person>, issued: Parameters<typeof currentAccess>[3]): string {
  try {
    currentAccess(organization, contactWith(fields), 'per_1', issued);
    return 'held';
  } catch (error) {
    if (error instanceof DomainError) return `${error.status} ${error.code}`;
    throw error;
  }
}

describe('the access a portal credential was issued under', () => {
  it('holds for the grant it was issued under only, whatever the times', () => {
    const granted = { grantId: 'grt_new', accessGrantedAt: 1_000 };
    expect(check(granted, { issuedAt: 1_000, grant: { id: 'grt_new' } })).toBe('held');
    expect(check(granted, { issuedAt: 999, grant: { id: 'grt_new' } })).toBe('held');
    // Issued in the very second of the current grant, under the one before it.
    expect(check(granted, { issuedAt: 1_000, grant: { id: 'grt_old' } })).toBe('401 PORTAL_ACCESS_REVOKED');
    expect(check(granted, { issuedAt: 2_000, grant: { id: 'grt_old' } })).toBe('401 PORTAL_ACCESS_REVOKED');
    // A credential from before grant ids, for a person granted since.
    expect(check(granted, { issuedAt: 2_000, grant: { id: undefined } })).toBe('401 PORTAL_ACCESS_REVOKED');
  });

  it('for a person last granted before grant ids, keeps the grant-time rule until their next grant', () => {
    const legacy = { accessGrantedAt: 1_000 };
    expect(check(legacy, { issuedAt: 1_000, grant: { id: undefined } })).toBe('held');
    expect(check(legacy, { issuedAt: 999, grant: { id: undefined } })).toBe('401 PORTAL_ACCESS_REVOKED');
    expect(check(legacy, { grant: { id: undefined } })).toBe('401 PORTAL_ACCESS_REVOKED');
  });

  it('still refuses another user, an older generation, and sign-ins a sign-out everywhere ended', () => {
    const granted = { grantId: 'grt_1' };
    expect(check(granted, { grant: { id: 'grt_1' }, username: 'pp_2' })).toBe('401 PORTAL_ACCESS_REVOKED');
    expect(check({ ...granted, portalGeneration: 1 }, { grant: { id: 'grt_1' } })).toBe('401 PORTAL_ACCESS_REVOKED');
    expect(check({ ...granted, sessionsEndedAt: 1_500 }, { issuedAt: 1_500, grant: { id: 'grt_1' } })).toBe('401 SESSION_ENDED');
    expect(check({ ...granted, sessionsEndedAt: 1_500 }, { issuedAt: 1_501, grant: { id: 'grt_1' } })).toBe('held');
  });
});
