import { describe, expect, it } from 'vitest';
import { newContact, uniqueEmail } from '../support/contacts.ts';
import { invitationToken, onlyMailTo } from '../support/mailbox.ts';
import { CHOSEN_PASSWORD, portal, signedIn } from '../support/portal.ts';
import { newOrganization } from '../support/staff.ts';
import { inOneSecond, invitationItem, nextSecond } from '../support/table.ts';

const NEW_PASSWORD = 'Corrected-Pass-7&';

describe("changing a person's email", () => {
  it('ends the invitation sent to the old address and invites the new one', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id, 1);
    const person = contact.persons[1]!;
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [person.id] });
    const oldToken = invitationToken(await onlyMailTo(person.email));
    await nextSecond();

    const corrected = uniqueEmail('corrected');
    const changed = await api.patch(`/v1/orgs/${org.id}/contacts/${contact.id}/persons/${person.id}`, { email: corrected });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ ...person, email: corrected, portalAccess: 'invited' });

    const refused = await portal(org.portalName).accept(oldToken, CHOSEN_PASSWORD);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('INVITATION_INVALID');
    expect((await portal(org.portalName).accept(invitationToken(await onlyMailTo(corrected)), CHOSEN_PASSWORD)).status).toBe(200);
    await signedIn(org.portalName, corrected, CHOSEN_PASSWORD);
  });

  it('refuses the link sent to a mistyped address corrected within the same second, and the corrected one works', async () => {
    const { org, api } = await newOrganization();
    const { mistyped, corrected, times } = await inOneSecond(async () => {
      const contact = await newContact(api, org.id, 1);
      const person = contact.persons[1]!;
      const corrected = uniqueEmail('corrected');
      await nextSecond();
      expect((await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [person.id] })).status).toBe(200);
      expect((await api.patch(`/v1/orgs/${org.id}/contacts/${contact.id}/persons/${person.id}`, { email: corrected })).status).toBe(200);
      const mistyped = invitationToken(await onlyMailTo(person.email));
      const correctedToken = invitationToken(await onlyMailTo(corrected));
      const times = await Promise.all([mistyped, correctedToken].map(async (token) => (await invitationItem(org.id, token))!.grantedAt as number));
      return { mistyped, corrected: { email: corrected, token: correctedToken }, times };
    });
    expect(times[0]).toBe(times[1]);

    const refused = await portal(org.portalName).accept(mistyped, CHOSEN_PASSWORD);
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({ error: { code: 'INVITATION_INVALID', message: 'This invitation link is no longer valid. Ask for a new invitation.' } });
    // Nobody at the mistyped address chose a password for the corrected one's access.
    expect((await portal(org.portalName).signIn(corrected.email, CHOSEN_PASSWORD)).status).toBe(401);
    expect((await portal(org.portalName).accept(corrected.token, NEW_PASSWORD)).status).toBe(200);
    await signedIn(org.portalName, corrected.email, NEW_PASSWORD);
  });

  it("ends an active person's password, refresh tokens and ID tokens", async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const person = contact.persons[0]!;
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [person.id], password: CHOSEN_PASSWORD, passwordPermanent: true });
    const tokens = await signedIn(org.portalName, person.email, CHOSEN_PASSWORD);
    await nextSecond();

    const corrected = uniqueEmail('corrected');
    const changed = await api.patch(`/v1/orgs/${org.id}/contacts/${contact.id}`, { email: corrected });
    expect(changed.status).toBe(200);
    expect(changed.body.persons[0]).toEqual({ ...person, email: corrected, portalAccess: 'invited' });

    const site = portal(org.portalName);
    expect((await site.me(tokens.idToken)).status).toBe(401);
    expect((await site.refresh(tokens.refreshToken)).status).toBe(401);
    for (const email of [person.email, corrected]) {
      const response = await site.signIn(email, CHOSEN_PASSWORD);
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('INVALID_CREDENTIALS');
    }
    expect((await site.accept(invitationToken(await onlyMailTo(corrected)), NEW_PASSWORD)).status).toBe(200);
    await signedIn(org.portalName, corrected, NEW_PASSWORD);
  });

  it('keeps access as it is when only the name changes', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const person = contact.persons[0]!;
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [person.id], password: CHOSEN_PASSWORD, passwordPermanent: true });
    const tokens = await signedIn(org.portalName, person.email, CHOSEN_PASSWORD);
    expect((await api.patch(`/v1/orgs/${org.id}/contacts/${contact.id}`, { name: 'Globex Europe' })).body.persons[0].portalAccess).toBe('active');
    expect((await portal(org.portalName).me(tokens.idToken)).status).toBe(200);
  });
});
