import { describe, expect, it } from 'vitest';
import { newContact, uniqueEmail } from '../support/contacts.ts';
import { invitationToken, mailsTo, waitForMails } from '../support/mailbox.ts';
import { CHOSEN_PASSWORD, portal, signedIn } from '../support/portal.ts';
import { newOrganization } from '../support/staff.ts';
import { nextSecond } from '../support/table.ts';

describe('portal rename', () => {
  it('refuses old-generation access until people are re-invited; the bulk re-invite mails each once', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id, 2);
    const [primary, withPassword, invited] = contact.persons as [(typeof contact.persons)[0], (typeof contact.persons)[0], (typeof contact.persons)[0]];
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, {
      personIds: [primary.id, withPassword.id],
      password: CHOSEN_PASSWORD,
      passwordPermanent: true,
    });
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [invited.id] });
    const untouched = await newContact(api, org.id);
    const tokens = await signedIn(org.portalName, primary.email, CHOSEN_PASSWORD);
    await nextSecond();

    const newName = `${org.portalName}-v2`;
    const renamed = await api.put(`/v1/orgs/${org.id}/portal`, { name: newName });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ portalName: newName, portalGeneration: 2, reinviteRequired: 3 });

    const stale = await portal(newName).me(tokens.idToken);
    expect(stale.status).toBe(401);
    expect(stale.body.error.code).toBe('PORTAL_ACCESS_REVOKED');
    expect((await portal(newName).refresh(tokens.refreshToken)).body.error.code).toBe('PORTAL_ACCESS_REVOKED');
    expect((await portal(newName).signIn(primary.email, CHOSEN_PASSWORD)).body.error.code).toBe('PORTAL_ACCESS_REVOKED');
    expect((await portal(org.portalName).me(tokens.idToken)).status).toBe(404);

    const reinvited = await api.post(`/v1/orgs/${org.id}/portal-invitations`, {});
    expect(reinvited.status).toBe(200);
    expect(reinvited.body.reinvited).toBe(3);
    expect(reinvited.body.persons.map((result: { personId: string }) => result.personId).sort()).toEqual([primary.id, withPassword.id, invited.id].sort());
    for (const person of [primary, withPassword]) {
      const mails = await mailsTo(person.email);
      expect(mails.map((mail) => mail.subject)).toEqual(['Your access to the Acme Supplies client portal', 'Invitation to the Acme Supplies client portal']);
      expect(mails[1]!.body.text).toContain(`/p/${newName}/invitation?token=`);
    }
    expect(await mailsTo(invited.email)).toHaveLength(2);
    expect(await mailsTo(untouched.email)).toEqual([]);
    expect((await api.put(`/v1/orgs/${org.id}/portal`, { enabled: true })).body.reinviteRequired).toBe(0);
    expect((await api.post(`/v1/orgs/${org.id}/portal-invitations`, {})).body).toEqual({ reinvited: 0, persons: [] });

    // The old token stays refused; a person with a password signs in with it again, an invited one accepts the new link.
    expect((await portal(newName).me(tokens.idToken)).status).toBe(401);
    expect((await portal(newName).me((await signedIn(newName, primary.email, CHOSEN_PASSWORD)).idToken)).status).toBe(200);
    const [, newInvitation] = await mailsTo(invited.email);
    expect((await portal(newName).accept(invitationToken(newInvitation!), CHOSEN_PASSWORD)).status).toBe(200);
  });

  it('re-invites the persons with access of the listed contacts only', async () => {
    const { org, api } = await newOrganization();
    const listed = await newContact(api, org.id, 1);
    const other = await newContact(api, org.id);
    await api.post(`/v1/orgs/${org.id}/contacts/${listed.id}/portal-access`, { personIds: [listed.persons[1]!.id] });
    await api.post(`/v1/orgs/${org.id}/contacts/${other.id}/portal-access`, { personIds: [other.persons[0]!.id] });
    const response = await api.post(`/v1/orgs/${org.id}/portal-invitations`, { contactIds: [listed.id] });
    expect(response.body).toEqual({
      reinvited: 1,
      persons: [{ personId: listed.persons[1]!.id, portalAccess: 'invited', delivery: 'invitation', emailSent: true }],
    });
    expect(await mailsTo(listed.persons[1]!.email)).toHaveLength(2);
    expect(await mailsTo(listed.email)).toEqual([]);
    expect(await mailsTo(other.email)).toHaveLength(1);
    expect((await api.post(`/v1/orgs/${org.id}/portal-invitations`, { contactIds: ['con_unknown'] })).status).toBe(404);
  });
});

describe('password reset', () => {
  it('answers 202 alike for known and unknown emails, and resets with the emailed code', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, {
      personIds: [contact.persons[0]!.id],
      password: CHOSEN_PASSWORD,
      passwordPermanent: true,
    });
    const known = await portal(org.portalName).requestReset(contact.email);
    const unknownEmail = uniqueEmail('nobody');
    const unknown = await portal(org.portalName).requestReset(unknownEmail);
    for (const response of [known, unknown]) {
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ accepted: true });
    }

    // Cognito's code reaches the mailbox through the runtime's console relay. Late in a full run it has been seen not to arrive;
    // the person then asks again, as the portal's "send the code again" does, and the newest code is the one that works.
    const codeMails = () => waitForMails(contact.email, 1, 20_000, (mail) => mail.subject === 'Your verification code');
    const codeMail = (
      await codeMails().catch(async () => {
        expect((await portal(org.portalName).requestReset(contact.email)).status).toBe(202);
        return codeMails();
      })
    ).at(-1);
    const code = /code is (\S+)/.exec(codeMail!.body.text!)![1]!;
    expect(await mailsTo(unknownEmail)).toEqual([]);

    const wrongCode = await portal(org.portalName).confirmReset(contact.email, '000000x', 'Reset-Password-5^');
    const unknownConfirm = await portal(org.portalName).confirmReset(unknownEmail, code, 'Reset-Password-5^');
    for (const response of [wrongCode, unknownConfirm]) {
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('INVALID_RESET_CODE');
    }
    const changing = Date.now();
    const confirmed = await portal(org.portalName).confirmReset(contact.email, code, 'Reset-Password-5^');
    expect(confirmed.status).toBe(200);
    expect((await portal(org.portalName).signIn(contact.email, CHOSEN_PASSWORD)).status).toBe(401);
    await signedIn(org.portalName, contact.email, 'Reset-Password-5^');
    const notice = (await mailsTo(contact.email)).at(-1)!;
    expect(notice.subject).toBe('Your Acme Supplies client portal password was changed');
    // The moment in the reader's language (en-GB: long date, short time), in UTC, named after it.
    const inWords = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
    const minutes = [changing, Date.now()].map((at) => inWords.format(new Date(at)));
    const changedOn = /was changed on (\d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}) \(UTC\)\./.exec(notice.body.text!)?.[1];
    expect(minutes).toContain(changedOn);
  });
});
