import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/core/db/keys.ts';

describe('keys', () => {
  it('puts every tenant item under its organization', () => {
    expect(keys.organization('org_1')).toEqual({ PK: 'ORG#org_1', SK: 'ORG' });
    expect(keys.membership('org_1', 'staff-sub')).toEqual({ PK: 'ORG#org_1', SK: 'MEMBER#staff-sub' });
    expect(keys.portalLogin('org_1', 'Ann@Example.COM')).toEqual({ PK: 'ORG#org_1', SK: 'LOGIN#ann@example.com' });
  });

  it('indexes memberships by staff user, and keeps portal names global', () => {
    expect(keys.staffMembershipIndex('sub-1', 'org_1')).toEqual({ GSI1PK: 'STAFF#sub-1', GSI1SK: 'ORG#org_1' });
    expect(keys.portalName('acme')).toEqual({ PK: 'PORTAL_NAME#acme', SK: 'PORTAL_NAME' });
  });

  it('keeps an outbox event and the effects it caused in one partition of its organization', () => {
    expect(keys.outboxEvent('org_1', 'evt_1')).toEqual({ PK: 'ORG#org_1#EVENT#evt_1', SK: 'EVENT' });
    expect(keys.effect('org_1', 'evt_1', 'payment-receipt', 'per_1')).toEqual({ PK: 'ORG#org_1#EVENT#evt_1', SK: 'EFFECT#payment-receipt#per_1' });
  });

  it("keeps an organization's audit trail in its own partition, entries ordered by seq before the head", () => {
    expect(keys.auditEntry('org_1', 42)).toEqual({ PK: 'ORG#org_1#AUDIT', SK: 'ENTRY#000000000042' });
    expect(keys.auditHead('org_1')).toEqual({ PK: 'ORG#org_1#AUDIT', SK: 'HEAD' });
    expect(keys.auditEntry('org_1', 9).SK < keys.auditEntry('org_1', 10).SK && keys.auditEntry('org_1', 10 ** 12 - 1).SK < keys.auditHead('org_1').SK).toBe(
      true,
    );
  });
});
