import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/core/db/keys.ts';
import { newContact, uniqueEmail } from '../support/contacts.ts';
import { local } from '../support/local.ts';
import { mailsTo, onlyMailTo, waitForMails } from '../support/mailbox.ts';
import { CHOSEN_PASSWORD, portal, signedIn, TEMPORARY_PASSWORD } from '../support/portal.ts';
import { newOrganization } from '../support/staff.ts';
import { getItem, inOneSecond, nextSecond } from '../support/table.ts';

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
const accessRevoked = {
  error: {
    code: 'PORTAL_ACCESS_REVOKED',
    message: 'This portal access was disabled, granted again since, or belongs to an earlier portal address; sign in again or ask for a new invitation.',
  },
};

describe('portal access with a staff-set password', () => {
  it('sends each ticked person their sign-in details; each must choose a new password at first sign-in', async () => {
    const { org, api } = await newOrganization({ name: 'Acme Supplies' });
    const contact = await newContact(api, org.id, 2);
    const personIds = contact.persons.map((person) => person.id);
    const enabled = await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds, password: TEMPORARY_PASSWORD });
    expect(enabled.status).toBe(200);
    expect(enabled.body).toEqual({
      contactId: contact.id,
      persons: personIds.map((personId) => ({ personId, portalAccess: 'active', delivery: 'credentials', emailSent: true })),
    });
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}`)).body.persons.map((person: { portalAccess: string }) => person.portalAccess)).toEqual([
      'active',
      'active',
      'active',
    ]);

    const portalUrl = `${local().apiUrl}/p/${org.portalName}`;
    for (const person of contact.persons) {
      const mail = await onlyMailTo(person.email);
      expect(mail.subject).toBe('Your access to the Acme Supplies client portal');
      expect(mail.body.text).toContain(`Portal: ${portalUrl}\nUsername: ${person.email}\nPassword: ${TEMPORARY_PASSWORD}\n`);
      expect(mail.body.text).toContain('You will be asked to choose a new password the first time you sign in.');
      expect(mail.body.text).toContain(`Sign in here:\n${portalUrl}/login\n`);
      expect(mail.body.html).toContain(`>${TEMPORARY_PASSWORD}</td>`);

      const first = await portal(org.portalName).signIn(person.email, TEMPORARY_PASSWORD);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ challenge: 'NEW_PASSWORD_REQUIRED', session: expect.any(String) });
      const answered = await portal(org.portalName).newPassword(person.email, first.body.session, CHOSEN_PASSWORD);
      expect(answered.status).toBe(200);
      expect(answered.body).toEqual({
        idToken: expect.any(String),
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: 3600,
        tokenType: 'Bearer',
      });

      const me = await portal(org.portalName).me(answered.body.idToken);
      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        person: {
          id: person.id,
          name: person.name,
          email: person.email,
          primary: person.primary,
          language: null,
          portalAccess: 'active',
          portalPermissions: ['view', 'approve', 'pay'],
        },
        language: 'en',
        contact: { id: contact.id, name: contact.name, email: contact.email },
        mfa: { setting: 'off', enrolled: false },
        organization: {
          name: 'Acme Supplies',
          branding: { color: null, appliedColor: '#1d4ed8', logoUrl: null },
          portalName: org.portalName,
          portalUrl,
          offlinePaymentInstructions: null,
        },
        onlinePayments: { enabled: false, allowPartial: false, minimumPartial: null, permitted: true },
      });
      const again = await signedIn(org.portalName, person.email, CHOSEN_PASSWORD);
      expect((await portal(org.portalName).me(again.idToken)).status).toBe(200);
    }
  });

  it('makes a password permanent on request: no challenge at first sign-in', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const person = contact.persons[0]!;
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [person.id], password: CHOSEN_PASSWORD, passwordPermanent: true });
    expect((await onlyMailTo(person.email)).body.text).not.toContain('choose a new password');
    const tokens = await signedIn(org.portalName, person.email, CHOSEN_PASSWORD);
    expect((await portal(org.portalName).me(tokens.idToken)).body.person.id).toBe(person.id);
  });

  it('refuses a password against the policy with 422 WEAK_PASSWORD, granting nothing and sending nothing', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const response = await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [contact.persons[0]!.id], password: 'short' });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('WEAK_PASSWORD');
    expect(response.body.error.details.unmet).toEqual(['at least 12 characters', 'an uppercase letter', 'a digit', 'a symbol']);
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}`)).body).toEqual(contact);
    expect(await mailsTo(contact.persons[0]!.email)).toEqual([]);
  });

  it('refuses access for a person of another contact when their email is the same', async () => {
    const { org, api } = await newOrganization();
    const email = uniqueEmail('shared');
    const first = await newContact(api, org.id, 0, { email });
    const second = await newContact(api, org.id, 0, { email });
    expect((await api.post(`/v1/orgs/${org.id}/contacts/${first.id}/portal-access`, { personIds: [first.persons[0]!.id] })).status).toBe(200);
    const refused = await api.post(`/v1/orgs/${org.id}/contacts/${second.id}/portal-access`, { personIds: [second.persons[0]!.id] });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: 'EMAIL_IN_USE',
      message: `Another contact person of this organization already has portal access with ${email}.`,
      details: { email },
    });
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${second.id}`)).body).toEqual(second);
    // Editing a person with access onto a taken email is refused the same way.
    const third = await newContact(api, org.id);
    await api.post(`/v1/orgs/${org.id}/contacts/${third.id}/portal-access`, { personIds: [third.persons[0]!.id] });
    const moved = await api.patch(`/v1/orgs/${org.id}/contacts/${third.id}`, { email });
    expect(moved.status).toBe(409);
    expect(moved.body.error.code).toBe('EMAIL_IN_USE');
  });

  it('refuses to grant access while the portal is disabled', async () => {
    const { org, api } = await newOrganization({ portalName: undefined });
    const contact = await newContact(api, org.id);
    const response = await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [contact.persons[0]!.id] });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('PORTAL_NOT_ENABLED');
  });
});

describe('portal sign-in', () => {
  it('answers an unknown email exactly like a wrong password', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const person = contact.persons[0]!;
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [person.id], password: CHOSEN_PASSWORD, passwordPermanent: true });
    const wrongPassword = await portal(org.portalName).signIn(person.email, 'Wrong-Password-9!');
    const unknownEmail = await portal(org.portalName).signIn(uniqueEmail('nobody'), CHOSEN_PASSWORD);
    const invitedOnly = await newContact(api, org.id);
    await api.post(`/v1/orgs/${org.id}/contacts/${invitedOnly.id}/portal-access`, { personIds: [invitedOnly.persons[0]!.id] });
    const notYetChosen = await portal(org.portalName).signIn(invitedOnly.email, CHOSEN_PASSWORD);
    for (const response of [wrongPassword, unknownEmail, notYetChosen]) {
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'The email or password is incorrect.' } });
    }
    expect((await portal('no-such-portal-here').signIn(person.email, CHOSEN_PASSWORD)).status).toBe(404);
  });

  it("keeps businesses apart: one business's person never signs in at another's portal", async () => {
    const a = await newOrganization();
    const b = await newOrganization();
    const email = uniqueEmail('shared');
    const atA = await newContact(a.api, a.org.id, 0, { email });
    await a.api.post(`/v1/orgs/${a.org.id}/contacts/${atA.id}/portal-access`, {
      personIds: [atA.persons[0]!.id],
      password: CHOSEN_PASSWORD,
      passwordPermanent: true,
    });
    const tokensAtA = await signedIn(a.org.portalName, email, CHOSEN_PASSWORD);

    // B has no such person: A's email and password get nowhere at B's portal.
    expect((await portal(b.org.portalName).signIn(email, CHOSEN_PASSWORD)).status).toBe(401);
    // A's token is not valid at B's portal.
    const foreign = await portal(b.org.portalName).me(tokensAtA.idToken);
    expect(foreign.status).toBe(401);

    // B has a person with the same email and sets a password of its own: a separate user.
    const atB = await newContact(b.api, b.org.id, 0, { email });
    const otherPassword = 'Other-Password-3$';
    await b.api.post(`/v1/orgs/${b.org.id}/contacts/${atB.id}/portal-access`, {
      personIds: [atB.persons[0]!.id],
      password: otherPassword,
      passwordPermanent: true,
    });
    expect((await portal(b.org.portalName).signIn(email, CHOSEN_PASSWORD)).status).toBe(401);
    const tokensAtB = await signedIn(b.org.portalName, email, otherPassword);
    expect((await portal(b.org.portalName).me(tokensAtB.idToken)).body.contact.id).toBe(atB.id);
    expect((await portal(a.org.portalName).me(tokensAtB.idToken)).status).toBe(401);
    // A's user is untouched by B's password.
    expect((await portal(a.org.portalName).signIn(email, otherPassword)).status).toBe(401);
    expect((await portal(a.org.portalName).me((await signedIn(a.org.portalName, email, CHOSEN_PASSWORD)).idToken)).body.contact.id).toBe(atA.id);
  });

  it('refreshes tokens, and signing out ends the refresh token', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, {
      personIds: [contact.persons[0]!.id],
      password: CHOSEN_PASSWORD,
      passwordPermanent: true,
    });
    const tokens = await signedIn(org.portalName, contact.email, CHOSEN_PASSWORD);
    const refreshed = await portal(org.portalName).refresh(tokens.refreshToken);
    expect(refreshed.status).toBe(200);
    expect((await portal(org.portalName).me(refreshed.body.idToken)).status).toBe(200);
    expect((await portal(org.portalName).signOut(tokens.refreshToken)).status).toBe(204);
    const after = await portal(org.portalName).refresh(tokens.refreshToken);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('PORTAL_ACCESS_REVOKED');
  });

  it("disabling a person's access refuses their tokens, refresh and sign-in at once", async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const person = contact.persons[0]!;
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [person.id], password: CHOSEN_PASSWORD, passwordPermanent: true });
    const tokens = await signedIn(org.portalName, person.email, CHOSEN_PASSWORD);
    expect((await api.delete(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access/${person.id}`)).status).toBe(204);
    const me = await portal(org.portalName).me(tokens.idToken);
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('PORTAL_ACCESS_REVOKED');
    expect((await portal(org.portalName).refresh(tokens.refreshToken)).status).toBe(401);
    expect((await portal(org.portalName).signIn(person.email, CHOSEN_PASSWORD)).body.error.code).toBe('INVALID_CREDENTIALS');
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}`)).body.persons[0].portalAccess).toBe('disabled');

    // Re-enabled, the person is a new user: the old token stays refused.
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [person.id], password: CHOSEN_PASSWORD, passwordPermanent: true });
    expect((await portal(org.portalName).me(tokens.idToken)).status).toBe(401);
    expect((await portal(org.portalName).me((await signedIn(org.portalName, person.email, CHOSEN_PASSWORD)).idToken)).status).toBe(200);
  });

  it('refuses an ID token and a session issued before a re-grant within the same second; a sign-in under the new grant gets in', async () => {
    const { org, api } = await newOrganization();
    const { contact, person, tokens } = await inOneSecond(async () => {
      const contact = await newContact(api, org.id);
      const person = contact.persons[0]!;
      const access = `/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`;
      await api.post(access, { personIds: [person.id], password: CHOSEN_PASSWORD, passwordPermanent: true });
      await nextSecond();
      const tokens = await signedIn(org.portalName, person.email, CHOSEN_PASSWORD);
      // Invited again (the link mailed once more): the same user and password, a new grant.
      expect((await api.post(access, { personIds: [person.id] })).body.persons).toEqual([
        { personId: person.id, portalAccess: 'active', delivery: 'invitation', emailSent: true },
      ]);
      const regrantedAt = (await getItem(keys.contact(org.id, contact.id)))!.persons[0].accessGrantedAt as number;
      return { contact, person, tokens, times: [claimsOf(tokens.idToken).iat as number, regrantedAt] };
    });
    const site = portal(org.portalName);
    const me = await site.me(tokens.idToken);
    expect(me.status).toBe(401);
    expect(me.body).toEqual(accessRevoked);
    const refreshed = await site.refresh(tokens.refreshToken);
    expect(refreshed.status).toBe(401);
    expect(refreshed.body).toEqual(accessRevoked);

    const again = await signedIn(org.portalName, person.email, CHOSEN_PASSWORD);
    expect((await site.me(again.idToken)).status).toBe(200);
    const stored = (await getItem(keys.contact(org.id, contact.id)))!.persons[0];
    expect(stored.grantId).toMatch(/^grt_[0-9a-z]{16}$/);
    expect(claimsOf(again.idToken)['custom:grantId']).toBe(stored.grantId);
    expect(claimsOf(tokens.idToken)['custom:grantId']).not.toBe(stored.grantId);
    expect((await getItem(keys.portalLogin(org.id, person.email)))!.grantId).toBe(stored.grantId);
    expect((await site.refresh(again.refreshToken)).status).toBe(200);
  });

  it('refuses a reset code asked for before a re-grant, as a wrong code; a code asked for after works', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const person = contact.persons[0]!;
    const access = `/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`;
    await api.post(access, { personIds: [person.id], password: CHOSEN_PASSWORD, passwordPermanent: true });
    const site = portal(org.portalName);
    const codes = async (count: number) =>
      (await waitForMails(person.email, count, 45_000, (mail) => mail.subject === 'Your verification code')).map(
        (mail) => /code is (\S+)/.exec(mail.body.text!)![1]!,
      );
    expect((await site.requestReset(person.email)).status).toBe(202);
    const [before] = await codes(1);
    expect((await api.post(access, { personIds: [person.id] })).status).toBe(200);

    const refused = await site.confirmReset(person.email, before!, 'Reset-Password-5^');
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({ error: { code: 'INVALID_RESET_CODE', message: 'The code is wrong or has expired; request a new one.' } });
    await signedIn(org.portalName, person.email, CHOSEN_PASSWORD);

    expect((await site.requestReset(person.email)).status).toBe(202);
    const [, after] = await codes(2);
    const confirmed = await site.confirmReset(person.email, after!, 'Reset-Password-5^');
    expect(confirmed.status).toBe(200);
    await signedIn(org.portalName, person.email, 'Reset-Password-5^');
  });

  it("deleting a contact ends its persons' access", async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, {
      personIds: [contact.persons[0]!.id],
      password: CHOSEN_PASSWORD,
      passwordPermanent: true,
    });
    const tokens = await signedIn(org.portalName, contact.email, CHOSEN_PASSWORD);
    expect((await api.delete(`/v1/orgs/${org.id}/contacts/${contact.id}`)).status).toBe(204);
    expect((await portal(org.portalName).me(tokens.idToken)).status).toBe(401);
    expect((await portal(org.portalName).signIn(contact.email, CHOSEN_PASSWORD)).status).toBe(401);
    // The email is free again for another contact.
    const again = await newContact(api, org.id, 0, { email: contact.email });
    expect((await api.post(`/v1/orgs/${org.id}/contacts/${again.id}/portal-access`, { personIds: [again.persons[0]!.id] })).status).toBe(200);
  });
});
