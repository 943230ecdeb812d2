import { describe, expect, it } from 'vitest';
import { malformedTokens } from '../support/adversary/samples.ts';
import { as } from '../support/api.ts';
import { portalSetup } from '../support/documents.ts';
import { newStaffToken } from '../support/staff.ts';

const refusal = (message: string) => ({ status: 401, error: { code: 'INVALID_ACCESS_TOKEN', message } });
const answerOf = (response: { status: number; body: { error?: unknown } }) => ({ status: response.status, error: response.body.error });

describe('a malformed access token in a body', () => {
  it('is a 401 on the staff MFA routes, never a 5xx', async () => {
    const staff = as(await newStaffToken());
    for (const accessToken of malformedTokens) {
      const expected = refusal('Send the access token of your current sign-in to the staff pool.');
      expect(answerOf(await staff.post('/v1/me/mfa', { accessToken })), accessToken).toEqual(expected);
      expect(answerOf(await staff.post('/v1/me/mfa/verify', { accessToken, code: '123456' })), accessToken).toEqual(expected);
    }
  });

  it('is a 401 on the portal MFA routes, never a 5xx', async () => {
    const { api, org, base, person } = await portalSetup();
    expect((await api.put(`/v1/orgs/${org.id}/portal`, { mfa: 'optional' })).status).toBe(200);
    const expected = refusal('Send the access token of this sign-in.');
    for (const accessToken of malformedTokens) {
      expect(answerOf(await person.post(`${base}/me/mfa`, { accessToken })), accessToken).toEqual(expected);
      expect(answerOf(await person.post(`${base}/me/mfa/verify`, { accessToken, code: '123456' })), accessToken).toEqual(expected);
      expect(answerOf(await person.delete(`${base}/me/mfa`, { rawBody: JSON.stringify({ accessToken }) })), accessToken).toEqual(expected);
    }
  });
});
