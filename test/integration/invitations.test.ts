import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/core/db/keys.ts';
import { newContact } from '../support/contacts.ts';
import { local } from '../support/local.ts';
import { invitationToken, mailsTo, onlyMailTo, waitForMails } from '../support/mailbox.ts';
import { CHOSEN_PASSWORD, portal, signedIn } from '../support/portal.ts';
import { newOrganization } from '../support/staff.ts';
import { expireInvitation, getItem, inOneSecond, invitationItem, nextSecond } from '../support/table.ts';

async function invitedPerson() {
  const { org, api } = await newOrganization({ name: 'Acme Supplies' });
  const contact = await newContact(api, org.id);
  const person = contact.persons[0]!;
  const enabled = await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [person.id] });
  expect(enabled.body.persons).toEqual([{ personId: person.id, portalAccess: 'invited', delivery: 'invitation', emailSent: true }]);
  return { org, api, contact, person, token: invitationToken(await onlyMailTo(person.email)) };
}

const invitationInvalid = { error: { code: 'INVITATION_INVALID', message: 'This invitation link is no longer valid. Ask for a new invitation.' } };

/**
 * Invites a new person, then `regrant`s them within the same second: the first link, and the second, with the
 * grant times both links were stored with.
 */
async function twoGrantsInOneSecond(regrant: (grant: () => Promise<void>, revoke: () => Promise<void>) => Promise<unknown>) {
  const { org, api } = await newOrganization();
  return inOneSecond(async () => {
    const contact = await newContact(api, org.id);
    const person = contact.persons[0]!;
    const access = `/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`;
    const grant = async () => {
      expect((await api.post(access, { personIds: [person.id] })).status).toBe(200);
    };
    const revoke = async () => {
      expect((await api.delete(`${access}/${person.id}`)).status).toBe(204);
    };
    await nextSecond();
    await grant();
    await regrant(grant, revoke);
    const [first, second] = (await waitForMails(person.email, 2)).map(invitationToken);
    const times = await Promise.all([first!, second!].map(async (token) => (await invitationItem(org.id, token))!.grantedAt as number));
    return { org, api, contact, person, first: first!, second: second!, times };
  });
}

describe('invitations', () => {
  it('lets an invited person choose a password with the link, signed in at once and later', async () => {
    const { org, api, contact, person } = await invitedPerson();
    const mail = await onlyMailTo(person.email);
    expect(mail.subject).toBe('Invitation to the Acme Supplies client portal');
    expect(mail.body.text).toMatch(new RegExp(`\\n${local().apiUrl}/p/${org.portalName}/invitation\\?token=[A-Za-z0-9_-]{43}\\n`));
    expect(mail.body.text).toContain('This link can be used only once and expires in 7 days.');
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}`)).body.persons[0].portalAccess).toBe('invited');

    const accepted = await portal(org.portalName).accept(invitationToken(mail), CHOSEN_PASSWORD);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({
      idToken: expect.any(String),
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 3600,
      tokenType: 'Bearer',
    });
    expect((await portal(org.portalName).me(accepted.body.idToken)).body.person).toEqual({ ...person, portalAccess: 'active' });
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}`)).body.persons[0].portalAccess).toBe('active');
    await signedIn(org.portalName, person.email, CHOSEN_PASSWORD);
  });

  it('accepts a token once, even when two uses race', async () => {
    const { org, token } = await invitedPerson();
    const results = await Promise.all([portal(org.portalName).accept(token, CHOSEN_PASSWORD), portal(org.portalName).accept(token, 'Another-Password-4%')]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 422]);
    const again = await portal(org.portalName).accept(token, CHOSEN_PASSWORD);
    expect(again.status).toBe(422);
    expect(again.body).toEqual({ error: { code: 'INVITATION_INVALID', message: 'This invitation link is no longer valid. Ask for a new invitation.' } });
  });

  it('refuses an expired token and an unknown one alike', async () => {
    const { org, token } = await invitedPerson();
    await expireInvitation(org.id, token);
    for (const used of [token, 'x'.repeat(43)]) {
      const response = await portal(org.portalName).accept(used, CHOSEN_PASSWORD);
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('INVITATION_INVALID');
    }
  });

  it('keeps the token usable when the chosen password is refused by the policy', async () => {
    const { org, person, token } = await invitedPerson();
    const weak = await portal(org.portalName).accept(token, 'password');
    expect(weak.status).toBe(422);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    expect((await portal(org.portalName).accept(token, CHOSEN_PASSWORD)).status).toBe(200);
    await signedIn(org.portalName, person.email, CHOSEN_PASSWORD);
  });

  it('revokes an older link when the person is invited again', async () => {
    const { org, api, contact, person, token } = await invitedPerson();
    await nextSecond();
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [person.id] });
    const [, second] = await mailsTo(person.email);
    expect((await portal(org.portalName).accept(token, CHOSEN_PASSWORD)).body.error.code).toBe('INVITATION_INVALID');
    expect((await portal(org.portalName).accept(invitationToken(second!), CHOSEN_PASSWORD)).status).toBe(200);
  });

  it('refuses the first link of a person invited again within the same second: grants are told apart by id, not by time', async () => {
    const { org, contact, person, first, second } = await twoGrantsInOneSecond((grant) => grant());
    const refused = await portal(org.portalName).accept(first, CHOSEN_PASSWORD);
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual(invitationInvalid);
    const stored = (await getItem(keys.contact(org.id, contact.id)))!.persons[0];
    expect((await invitationItem(org.id, second))!.grantId).toBe(stored.grantId);
    expect((await invitationItem(org.id, first))!.grantId).not.toBe(stored.grantId);
    const accepted = await portal(org.portalName).accept(second, CHOSEN_PASSWORD);
    expect(accepted.status).toBe(200);
    expect((await portal(org.portalName).me(accepted.body.idToken)).body.person.id).toBe(person.id);
  });

  it('refuses the first link when access is disabled and granted again within the same second', async () => {
    const { org, person, first, second } = await twoGrantsInOneSecond(async (grant, revoke) => {
      await revoke();
      await grant();
    });
    const refused = await portal(org.portalName).accept(first, CHOSEN_PASSWORD);
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual(invitationInvalid);
    const accepted = await portal(org.portalName).accept(second, CHOSEN_PASSWORD);
    expect(accepted.status).toBe(200);
    expect((await portal(org.portalName).me(accepted.body.idToken)).body.person.id).toBe(person.id);
  });

  it('refuses a token from before a portal rename, at the old and the new address', async () => {
    const { org, api, token } = await invitedPerson();
    const newName = `${org.portalName}-new`;
    expect((await api.put(`/v1/orgs/${org.id}/portal`, { name: newName })).body.reinviteRequired).toBe(1);
    expect((await portal(org.portalName).accept(token, CHOSEN_PASSWORD)).status).toBe(404);
    expect((await portal(newName).accept(token, CHOSEN_PASSWORD)).body.error.code).toBe('INVITATION_INVALID');
  });
});
