import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/core/db/keys.ts';
import { as } from '../support/api.ts';
import { uniquePortalName } from '../support/staff.ts';
import { staffSignIn, totpCode, wrongTotpCode } from '../support/staff-mfa.ts';
import { getItem, nextSecond } from '../support/table.ts';
import { newMember, newStaffUser } from '../support/team.ts';

const createOrganization = async (api: ReturnType<typeof as>) => {
  const created = await api.post('/v1/orgs', { name: 'Acme Supplies', portalName: uniquePortalName(), currency: 'EUR' });
  expect(created.status).toBe(201);
  return created.body.id as string;
};

/** Enrols a signed-in staff user's authenticator; a later sign-in (in a later second) answers its code. */
async function enrol(email: string) {
  const before = await staffSignIn(email);
  const started = await as(before.idToken).post('/v1/me/mfa', { accessToken: before.accessToken });
  expect(started.status).toBe(200);
  expect(started.body).toEqual({ secretCode: expect.stringMatching(/^[A-Z2-7]+=*$/), otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\/Portico%3A/) });
  const secretCode = started.body.secretCode as string;
  const verified = await as(before.idToken).post('/v1/me/mfa/verify', { accessToken: before.accessToken, code: totpCode(secretCode) });
  expect(verified.status).toBe(200);
  expect(verified.body).toEqual({ enrolled: true, enrolledAt: expect.any(String) });
  await nextSecond();
  const after = await staffSignIn(email, secretCode);
  expect(after.askedForCode).toBe(true);
  return { before, after, secretCode, enrolledAt: verified.body.enrolledAt as string };
}

describe('staff MFA', () => {
  it('an organization requiring MFA admits its members only from a sign-in with their TOTP; others are unaffected', async () => {
    const owner = await newStaffUser();
    const orgId = await createOrganization(owner.api);
    expect((await owner.api.get(`/v1/orgs/${orgId}`)).body.requireStaffMfa).toBe(false);

    // Requiring it without passing it would lock the owner out.
    const tooEarly = await owner.api.patch(`/v1/orgs/${orgId}`, { requireStaffMfa: true });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.error.code).toBe('MFA_NOT_ENROLLED');

    const ownerMfa = await enrol(owner.email);
    const ownerApi = as(ownerMfa.after.idToken);
    const required = await ownerApi.patch(`/v1/orgs/${orgId}`, { requireStaffMfa: true });
    expect(required.status).toBe(200);
    expect(required.body.requireStaffMfa).toBe(true);
    // The owner's sign-in from before the enrolment no longer gets in.
    const stale = await as(ownerMfa.before.idToken).get(`/v1/orgs/${orgId}`);
    expect(stale.status).toBe(403);
    expect(stale.body.error.code).toBe('MFA_REQUIRED');

    const member = await newMember(ownerApi, orgId, 'billing');
    const refused = await member.api.get(`/v1/orgs/${orgId}/contacts`);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({ code: 'MFA_REQUIRED', message: expect.stringContaining('POST /v1/me/mfa') });
    expect((await member.api.post(`/v1/orgs/${orgId}/contacts`, { name: 'Globex', email: 'ann@globex.test' })).status).toBe(403);
    // Outside the organization the member still works, and can see it exists in their list.
    const ownOrgId = await createOrganization(member.api);
    expect((await member.api.get(`/v1/orgs/${ownOrgId}`)).status).toBe(200);
    expect((await member.api.get('/v1/orgs')).body.items.map((org: { id: string }) => org.id).sort()).toEqual([orgId, ownOrgId].sort());

    // A non-member learns nothing: 404, enrolled or not.
    const stranger = await newStaffUser();
    expect((await stranger.api.get(`/v1/orgs/${orgId}`)).status).toBe(404);
    const strangerMfa = await enrol(stranger.email);
    expect((await as(strangerMfa.after.idToken).get(`/v1/orgs/${orgId}`)).status).toBe(404);

    const memberMfa = await enrol(member.email);
    const through = await as(memberMfa.after.idToken).get(`/v1/orgs/${orgId}/contacts`);
    expect(through.status).toBe(200);
    // Roles still apply after the second factor.
    expect((await as(memberMfa.after.idToken).patch(`/v1/orgs/${orgId}`, { name: 'Renamed' })).status).toBe(403);
    expect(await getItem(keys.staffMfa(member.staffId))).toEqual({
      ...keys.staffMfa(member.staffId),
      type: 'staffMfa',
      staffId: member.staffId,
      enrolledAt: Date.parse(memberMfa.enrolledAt) / 1000,
    });

    // Turning it off again lets sign-ins without the code back in.
    expect((await ownerApi.patch(`/v1/orgs/${orgId}`, { requireStaffMfa: false })).body.requireStaffMfa).toBe(false);
    expect((await as(ownerMfa.before.idToken).get(`/v1/orgs/${orgId}`)).status).toBe(200);
  });

  it("refuses a wrong code, a malformed one and another user's access token, and records nothing", async () => {
    const user = await newStaffUser();
    const other = await newStaffUser();
    const { idToken, accessToken } = await staffSignIn(user.email);
    const api = as(idToken);
    const otherTokens = await staffSignIn(other.email);

    const foreign = await api.post('/v1/me/mfa', { accessToken: otherTokens.accessToken });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.code).toBe('INVALID_ACCESS_TOKEN');
    // The ID token is not an access token.
    expect((await api.post('/v1/me/mfa', { accessToken: idToken })).body.error.code).toBe('INVALID_ACCESS_TOKEN');
    expect((await api.post('/v1/me/mfa', { accessToken: 'not-a-token' })).body.error.code).toBe('INVALID_ACCESS_TOKEN');

    const { secretCode } = (await api.post('/v1/me/mfa', { accessToken })).body;
    const wrong = await api.post('/v1/me/mfa/verify', { accessToken, code: wrongTotpCode(secretCode) });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('INVALID_MFA_CODE');
    expect((await api.post('/v1/me/mfa/verify', { accessToken, code: 'abc' })).status).toBe(400);
    const staffId = JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString('utf8')).sub as string;
    expect(await getItem(keys.staffMfa(staffId))).toBeUndefined();
    // Not enrolled: the next sign-in is not asked for a code.
    expect((await staffSignIn(user.email)).askedForCode).toBe(false);
  });

  it('takes an enrolment code once: of two verifications at once one enrols, and the code is refused as a wrong one after', async () => {
    const user = await newStaffUser();
    const { idToken, accessToken } = await staffSignIn(user.email);
    const api = as(idToken);
    const { secretCode } = (await api.post('/v1/me/mfa', { accessToken })).body;
    const staffId = JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString('utf8')).sub as string;
    const code = totpCode(secretCode);
    const racing = await Promise.all([1, 2].map(() => api.post('/v1/me/mfa/verify', { accessToken, code })));
    expect(racing.map((answer) => answer.status).sort()).toEqual([200, 422]);
    const refused = racing.find((answer) => answer.status === 422)!;
    const wrong = await api.post('/v1/me/mfa/verify', { accessToken, code: wrongTotpCode(secretCode) });
    expect(refused.body).toEqual(wrong.body);
    expect(refused.body.error.code).toBe('INVALID_MFA_CODE');

    const again = await api.post('/v1/me/mfa/verify', { accessToken, code });
    expect(again.status).toBe(422);
    expect(again.body).toEqual(wrong.body);
    // One enrolment, and the code recorded for the user until well after it could be accepted.
    const enrolledAt = Date.parse(racing.find((answer) => answer.status === 200)!.body.enrolledAt) / 1000;
    expect((await getItem(keys.staffMfa(staffId)))!.enrolledAt).toBe(enrolledAt);
    expect(await getItem(keys.staffUsedTotp(staffId, code))).toEqual({
      ...keys.staffUsedTotp(staffId, code),
      type: 'usedTotp',
      timeStep: Math.floor(enrolledAt / 30),
      expiresAt: enrolledAt + 300,
    });
  });
});
