import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/core/db/keys.ts';
import { decodeCursor, encodeCursor } from '../../functions/core/db/pages.ts';
import { BadRequest, Unprocessable } from '../../functions/core/errors.ts';
import { assertPasswordPolicy } from '../../functions/core/portal-access/password-policy.ts';

describe('keys', () => {
  it('builds every portal-access key inside its organization', () => {
    expect(keys.contact('org_1', 'con_2')).toEqual({ PK: 'ORG#org_1', SK: 'CONTACT#con_2' });
    expect(keys.contactPrefix('org_1')).toEqual({ PK: 'ORG#org_1', SKPrefix: 'CONTACT#' });
    expect(keys.portalLogin('org_1', 'Jane@Example.TEST')).toEqual({ PK: 'ORG#org_1', SK: 'LOGIN#jane@example.test' });
    expect(keys.invitation('org_1', 'ab12')).toEqual({ PK: 'ORG#org_1', SK: 'INVITATION#ab12' });
    expect(keys.portalSession('org_1', 'cd34')).toEqual({ PK: 'ORG#org_1', SK: 'SESSION#cd34' });
    expect(keys.emailTemplate('org_1', 'invitation-link')).toEqual({ PK: 'ORG#org_1', SK: 'EMAIL_TEMPLATE#invitation-link' });
    expect(keys.portalUsedTotp('org_1', 'per_1', '123456')).toEqual({ PK: 'ORG#org_1', SK: 'USED_TOTP#per_1#123456' });
    expect(keys.portalAnsweredChallenge('org_1', 'ef56')).toEqual({ PK: 'ORG#org_1', SK: 'ANSWERED_CHALLENGE#ef56' });
  });

  it("keeps a staff user's used TOTP codes beside their enrolment, global to the user", () => {
    expect(keys.staffUsedTotp('sub-1', '123456')).toEqual({ PK: 'STAFF#sub-1', SK: 'USED_TOTP#123456' });
    expect(keys.staffMfa('sub-1')).toEqual({ PK: 'STAFF#sub-1', SK: 'MFA' });
  });
});

describe('cursors', () => {
  const range = keys.contactPrefix('org_1');

  it('round-trip a key of the listed range', () => {
    const cursor = encodeCursor({ ...keys.contact('org_1', 'con_2'), name: 'ignored' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor!, range)).toEqual(keys.contact('org_1', 'con_2'));
    expect(encodeCursor(undefined)).toBeNull();
    expect(decodeCursor(undefined, range)).toBeUndefined();
  });

  it.each([
    ['another organization', encodeCursor(keys.contact('org_2', 'con_2'))!],
    ['another item type', encodeCursor(keys.portalLogin('org_1', 'a@b.test'))!],
    ['not JSON', 'bm90IGpzb24'],
    ['JSON null', Buffer.from('null').toString('base64url')],
  ])('refuses a cursor of %s', (_, cursor) => {
    expect(() => decodeCursor(cursor, range)).toThrow(BadRequest);
  });
});

describe('password policy', () => {
  it('accepts a password with every kind of character', () => {
    expect(() => assertPasswordPolicy('Chosen-Password-2#')).not.toThrow();
  });

  it('lists every unmet rule', () => {
    try {
      assertPasswordPolicy(' lowercase only ');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(Unprocessable);
      expect((error as Unprocessable).details).toEqual({ unmet: ['an uppercase letter', 'a digit', 'a symbol', 'no leading or trailing spaces'] });
    }
  });
});
