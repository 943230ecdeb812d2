import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/core/db/keys.ts';
import { localClientConfig } from '../../scripts/local/aws-local.ts';
import { as } from '../support/api.ts';
import { newContact } from '../support/contacts.ts';
import { portalSetup } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { invitationToken, onlyMailTo } from '../support/mailbox.ts';
import { CHOSEN_PASSWORD, portal, signedIn } from '../support/portal.ts';
import { newOrganization } from '../support/staff.ts';
import { authenticator } from '../support/staff-mfa.ts';
import { getItem } from '../support/table.ts';

const codeFor = (secretCode: string, offset = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secretCode) }).generate({ timestamp: Date.now() + offset * 30_000 });
/** A six-digit code that is not valid now (nor in the neighbouring windows). */
const wrongCodeFor = (secretCode: string) => {
  const valid = new Set([-1, 0, 1].map((offset) => codeFor(secretCode, offset)));
  return ['000000', '111111', '222222', '333333'].find((code) => !valid.has(code))!;
};

async function mfaPortal(mfa: 'optional' | 'required') {
  const setup = await portalSetup();
  expect((await setup.api.put(`/v1/orgs/${setup.org.id}/portal`, { mfa })).body.mfa).toBe(mfa);
  const email = setup.contact.persons[0]!.email;
  const challenge = (body: Record<string, unknown>) => as().post(`${setup.base}/sessions/challenge`, { email, ...body });
  return { ...setup, email, signIn: () => portal(setup.org.portalName).signIn(email, CHOSEN_PASSWORD), challenge };
}

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());

/** Tokens straight from Cognito, past Portico's sign-in: what a person could take with the pool's public client. */
async function cognitoDirect(orgId: string, email: string) {
  const { endpoint, portal: pool } = local().cognito;
  const login = await getItem(keys.portalLogin(orgId, email));
  const answer = await new CognitoIdentityProviderClient(localClientConfig(endpoint)).send(
    new InitiateAuthCommand({
      ClientId: pool.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: login!.username as string, PASSWORD: CHOSEN_PASSWORD },
    }),
  );
  return answer.AuthenticationResult!.IdToken!;
}

describe('portal MFA (TOTP)', () => {
  it('once required, refuses every request of a sign-in without the code: an earlier session, its refresh, tokens taken from Cognito', async () => {
    const { org, api, base, email } = await mfaPortal('optional');
    const before = await signedIn(org.portalName, email, CHOSEN_PASSWORD);
    expect((await as(before.idToken).get(`${base}/documents`)).status).toBe(200);
    expect((await api.put(`/v1/orgs/${org.id}/portal`, { mfa: 'required' })).status).toBe(200);

    const refreshed = await portal(org.portalName).refresh(before.refreshToken);
    expect(refreshed.status).toBe(200);
    const direct = await cognitoDirect(org.id, email);
    for (const idToken of [before.idToken, refreshed.body.idToken, direct]) {
      const refused = await as(idToken).get(`${base}/documents`);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('MFA_REQUIRED');
    }
    // Sign-in times are whole seconds: the enrolling sign-in comes in a later second than the refused ones.
    const signedInAt = (idToken: string) => JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString()).auth_time as number;
    const latest = Math.max(...[before.idToken, refreshed.body.idToken, direct].map(signedInAt));
    while (Date.now() / 1000 < latest + 1) await new Promise((resolve) => setTimeout(resolve, 50));
    // Signing in leads through enrolment; that sign-in, and the code sign-ins after it, are admitted.
    const first = await portal(org.portalName).signIn(email, CHOSEN_PASSWORD);
    expect(first.body.challenge).toBe('MFA_SETUP');
    const challenge = (body: Record<string, unknown>) => as().post(`${base}/sessions/challenge`, { email, ...body });
    const app = authenticator((await challenge({ challenge: 'MFA_SETUP', session: first.body.session })).body.secretCode);
    const enrolled = await challenge({ challenge: 'MFA_SETUP', session: first.body.session, answer: await app.code() });
    expect((await as(enrolled.body.idToken).get(`${base}/documents`)).status).toBe(200);
    const again = await portal(org.portalName).signIn(email, CHOSEN_PASSWORD);
    expect(again.body.challenge).toBe('SOFTWARE_TOKEN_MFA');
    const withCode = await challenge({ challenge: 'SOFTWARE_TOKEN_MFA', session: again.body.session, answer: await app.code() });
    expect(withCode.status).toBe(200);
    expect((await as(withCode.body.idToken).get(`${base}/documents`)).status).toBe(200);
    // The enrolled person's old password-only session stays refused.
    expect((await as(before.idToken).get(`${base}/documents`)).status).toBe(403);
  });

  it('with MFA required, a person signs in only after enrolling; a wrong code is refused like a wrong password; a reset person enrols again', async () => {
    const { org, api, contact, base, email, signIn, challenge } = await mfaPortal('required');
    const wrongPassword = await portal(org.portalName).signIn(email, 'Wrong-Password-9!');
    expect(wrongPassword.status).toBe(401);

    const first = await signIn();
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ challenge: 'MFA_SETUP', session: expect.any(String) });
    const enrol = await challenge({ challenge: 'MFA_SETUP', session: first.body.session });
    expect(enrol.status).toBe(200);
    expect(enrol.body).toEqual({
      secretCode: expect.stringMatching(/^[A-Z2-7]+=*$/),
      otpauthUri: expect.any(String),
      qrCode: expect.stringMatching(/^data:image\/svg\+xml;base64,/),
      session: first.body.session,
    });
    const uri = OTPAuth.URI.parse(enrol.body.otpauthUri) as OTPAuth.TOTP;
    expect(uri.secret.base32).toBe(enrol.body.secretCode.replace(/=+$/, ''));
    expect(uri.issuer).toBe('Acme Supplies');
    expect(uri.label).toBe(email);
    const secret = enrol.body.secretCode as string;
    const app = authenticator(secret);

    const wrongSetup = await challenge({ challenge: 'MFA_SETUP', session: first.body.session, answer: wrongCodeFor(secret) });
    expect(wrongSetup.status).toBe(401);
    expect(wrongSetup.body).toEqual(wrongPassword.body);
    const enrolled = await challenge({ challenge: 'MFA_SETUP', session: first.body.session, answer: await app.code() });
    expect(enrolled.status).toBe(200);
    expect(enrolled.body).toEqual({
      idToken: expect.any(String),
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 3600,
      tokenType: 'Bearer',
    });
    expect((await as(enrolled.body.idToken).get(`${base}/me`)).body.mfa).toEqual({ setting: 'required', enrolled: true });
    // The held sign-in is used up.
    const usedUp = await challenge({ challenge: 'MFA_SETUP', session: first.body.session, answer: await app.code() });
    expect(usedUp.status).toBe(401);
    expect(usedUp.body.error.code).toBe('SESSION_EXPIRED');

    const second = await signIn();
    expect(second.body).toEqual({ challenge: 'SOFTWARE_TOKEN_MFA', session: expect.any(String) });
    const wrongCode = await challenge({ challenge: 'SOFTWARE_TOKEN_MFA', session: second.body.session, answer: wrongCodeFor(secret) });
    expect(wrongCode.status).toBe(401);
    expect(wrongCode.body).toEqual(wrongPassword.body);
    const malformed = await challenge({ challenge: 'SOFTWARE_TOKEN_MFA', session: second.body.session, answer: 'abc' });
    expect(malformed.body).toEqual(wrongPassword.body);
    const third = await signIn();
    const signedIn = await challenge({ challenge: 'SOFTWARE_TOKEN_MFA', session: third.body.session, answer: await app.code() });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.idToken).toEqual(expect.any(String));

    const turnOff = await as(signedIn.body.idToken).delete(`${base}/me/mfa`, { rawBody: JSON.stringify({ accessToken: signedIn.body.accessToken }) });
    expect(turnOff.status).toBe(409);
    expect(turnOff.body.error.code).toBe('MFA_REQUIRED_BY_ORGANIZATION');

    const history = (await as(signedIn.body.idToken).get(`${base}/me/sign-ins`)).body.items.map(
      (entry: { result: string; step: string }) => `${entry.step}:${entry.result}`,
    );
    // Newest first: the code sign-in, the malformed and wrong codes, the used-up setup session, the enrolment, its wrong code.
    expect(history.slice(0, 6)).toEqual([
      'challenge:success',
      'challenge:failure',
      'challenge:failure',
      'challenge:failure',
      'challenge:success',
      'challenge:failure',
    ]);

    // Staff reset: the next sign-in must enrol again before any token is issued.
    const person = contact.persons[0]!;
    expect((await api.delete(`/v1/orgs/${org.id}/contacts/${contact.id}/persons/${person.id}/mfa`)).status).toBe(204);
    let next = await signIn();
    if (next.body.challenge === 'SOFTWARE_TOKEN_MFA') {
      // cognito-local keeps the old authenticator (it has no admin reset); the API still refuses tokens until a new enrolment.
      next = await challenge({ challenge: 'SOFTWARE_TOKEN_MFA', session: next.body.session, answer: await app.code() });
    }
    expect(next.body).toEqual({ challenge: 'MFA_SETUP', session: expect.any(String) });
    const again = await challenge({ challenge: 'MFA_SETUP', session: next.body.session });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.secretCode).not.toBe(secret);
    const reenrolled = await challenge({ challenge: 'MFA_SETUP', session: next.body.session, answer: codeFor(again.body.secretCode) });
    expect(reenrolled.status).toBe(200);
    expect(reenrolled.body.idToken).toEqual(expect.any(String));
  });

  it('with MFA required, accepting an invitation leads into enrolment before any token is issued', async () => {
    const { org, api } = await newOrganization();
    expect((await api.put(`/v1/orgs/${org.id}/portal`, { mfa: 'required' })).status).toBe(200);
    const contact = await newContact(api, org.id);
    const person = contact.persons[0]!;
    expect((await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [person.id] })).status).toBe(200);
    const accepted = await portal(org.portalName).accept(invitationToken(await onlyMailTo(person.email)), CHOSEN_PASSWORD);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ challenge: 'MFA_SETUP', session: expect.any(String), email: person.email });
    const challenge = (body: Record<string, unknown>) => as().post(`/v1/portal/${org.portalName}/sessions/challenge`, { email: person.email, ...body });
    const secret = (await challenge({ challenge: 'MFA_SETUP', session: accepted.body.session })).body.secretCode as string;
    const enrolled = await challenge({ challenge: 'MFA_SETUP', session: accepted.body.session, answer: codeFor(secret) });
    expect(enrolled.status).toBe(200);
    expect((await as(enrolled.body.idToken).get(`/v1/portal/${org.portalName}/documents`)).status).toBe(200);
  });

  it('with MFA optional, a person enrols from their account and can turn it off again', async () => {
    const { base, signIn, challenge } = await mfaPortal('optional');
    const plain = await signIn();
    expect(plain.body.idToken).toEqual(expect.any(String));
    const me = as(plain.body.idToken);
    expect((await me.get(`${base}/me`)).body.mfa).toEqual({ setting: 'optional', enrolled: false });
    const foreign = await me.post(`${base}/me/mfa`, { accessToken: plain.body.idToken });
    expect(foreign.status).toBe(422);

    const enrolment = await me.post(`${base}/me/mfa`, { accessToken: plain.body.accessToken });
    expect(enrolment.status).toBe(200);
    expect(enrolment.body).toEqual({
      secretCode: expect.any(String),
      otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\//),
      qrCode: expect.stringMatching(/^data:image\/svg\+xml;base64,/),
    });
    const wrong = await me.post(`${base}/me/mfa/verify`, { accessToken: plain.body.accessToken, code: wrongCodeFor(enrolment.body.secretCode) });
    expect(wrong.status).toBe(401);
    const app = authenticator(enrolment.body.secretCode);
    const verified = await me.post(`${base}/me/mfa/verify`, { accessToken: plain.body.accessToken, code: await app.code() });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ enrolled: true });

    const withCode = await signIn();
    expect(withCode.body.challenge).toBe('SOFTWARE_TOKEN_MFA');
    const tokens = (await challenge({ challenge: 'SOFTWARE_TOKEN_MFA', session: withCode.body.session, answer: await app.code() })).body;
    const off = await as(tokens.idToken).delete(`${base}/me/mfa`, { rawBody: JSON.stringify({ accessToken: tokens.accessToken }) });
    expect(off.status).toBe(204);
    const without = await signIn();
    expect(without.body.idToken).toEqual(expect.any(String));
  });

  it("answers a code once and a challenge session once: a used code (the enrolment's too) and an answered session are refused as a wrong code", async () => {
    const { org, contact, base, signIn, challenge } = await mfaPortal('optional');
    const plain = await signIn();
    const me = as(plain.body.idToken);
    const app = authenticator((await me.post(`${base}/me/mfa`, { accessToken: plain.body.accessToken })).body.secretCode);
    const enrolmentCode = await app.code();
    expect((await me.post(`${base}/me/mfa/verify`, { accessToken: plain.body.accessToken, code: enrolmentCode })).status).toBe(200);
    const wrongCode = { error: { code: 'INVALID_CREDENTIALS', message: 'The email or password is incorrect.' } };
    // Enrolling again with the code just used: refused, as a wrong code is there.
    const enrolAgain = await me.post(`${base}/me/mfa/verify`, { accessToken: plain.body.accessToken, code: enrolmentCode });
    expect(enrolAgain.status).toBe(401);
    expect(enrolAgain.body).toEqual(wrongCode);

    // The enrolment's code does not sign in either; the session stays open for a code not used yet.
    const first = await signIn();
    expect(first.body.challenge).toBe('SOFTWARE_TOKEN_MFA');
    const replayedEnrolmentCode = await challenge({ challenge: 'SOFTWARE_TOKEN_MFA', session: first.body.session, answer: enrolmentCode });
    expect(replayedEnrolmentCode.status).toBe(401);
    expect(replayedEnrolmentCode.body).toEqual(wrongCode);
    const code = await app.code();
    const signedIn = await challenge({ challenge: 'SOFTWARE_TOKEN_MFA', session: first.body.session, answer: code });
    expect(signedIn.status).toBe(200);
    expect((await as(signedIn.body.idToken).get(`${base}/me`)).status).toBe(200);
    // Recorded for the person, kept five minutes from the answer, with the time step it was accepted in.
    const key = keys.portalUsedTotp(org.id, contact.persons[0]!.id, code);
    const used = await getItem(key);
    expect(used).toEqual({ ...key, type: 'usedTotp', timeStep: expect.any(Number), expiresAt: expect.any(Number) });
    const acceptedAt = used!.expiresAt - 300;
    expect(used!.timeStep).toBe(Math.floor(acceptedAt / 30));
    expect(Math.abs(acceptedAt - claimsOf(signedIn.body.idToken).iat)).toBeLessThanOrEqual(1);

    // The same code at a new sign-in, then the answered session with a fresh code: both refused.
    const second = await signIn();
    const sameCode = await challenge({ challenge: 'SOFTWARE_TOKEN_MFA', session: second.body.session, answer: code });
    expect(sameCode.status).toBe(401);
    expect(sameCode.body).toEqual(wrongCode);
    const fresh = await app.code();
    const sameSession = await challenge({ challenge: 'SOFTWARE_TOKEN_MFA', session: first.body.session, answer: fresh });
    expect(sameSession.status).toBe(401);
    expect(sameSession.body).toEqual(wrongCode);
    // The refused replay used nothing up: the open session signs in with that code.
    const afterReplays = await challenge({ challenge: 'SOFTWARE_TOKEN_MFA', session: second.body.session, answer: fresh });
    expect(afterReplays.status).toBe(200);
    expect(afterReplays.body.idToken).toEqual(expect.any(String));

    const history = (await as(afterReplays.body.idToken).get(`${base}/me/sign-ins`)).body.items.map(
      (entry: { result: string; step: string }) => `${entry.step}:${entry.result}`,
    );
    expect(history.slice(0, 5)).toEqual(['challenge:success', 'challenge:failure', 'challenge:failure', 'challenge:success', 'challenge:failure']);
  });

  it('of two answers at once with the same code, one signs in: at two sign-ins, and twice at one', async () => {
    const { base, signIn, challenge } = await mfaPortal('optional');
    const plain = await signIn();
    const app = authenticator((await as(plain.body.idToken).post(`${base}/me/mfa`, { accessToken: plain.body.accessToken })).body.secretCode);
    expect((await as(plain.body.idToken).post(`${base}/me/mfa/verify`, { accessToken: plain.body.accessToken, code: await app.code() })).status).toBe(200);

    const [one, two] = [await signIn(), await signIn()];
    const code = await app.code();
    const racing = await Promise.all([one, two].map((started) => challenge({ challenge: 'SOFTWARE_TOKEN_MFA', session: started.body.session, answer: code })));
    expect(racing.map((answer) => answer.status).sort()).toEqual([200, 401]);
    expect(racing.find((answer) => answer.status === 401)!.body.error.code).toBe('INVALID_CREDENTIALS');

    const three = await signIn();
    const next = await app.code();
    const twice = await Promise.all([1, 2].map(() => challenge({ challenge: 'SOFTWARE_TOKEN_MFA', session: three.body.session, answer: next })));
    expect(twice.map((answer) => answer.status).sort()).toEqual([200, 401]);
    expect(twice.find((answer) => answer.status === 401)!.body.error.code).toBe('INVALID_CREDENTIALS');
    const winner = twice.find((answer) => answer.status === 200)!;
    expect((await as(winner.body.idToken).get(`${base}/me`)).status).toBe(200);
  });
});
