import { describe, expect, it } from 'vitest';
import { as } from '../support/api.ts';
import { portalSetup } from '../support/documents.ts';
import { CHOSEN_PASSWORD, portal, signedIn } from '../support/portal.ts';
import { nextSecond } from '../support/table.ts';

describe('portal sign-in history and sessions', () => {
  it('records successful and failed sign-ins, shown to the person and to staff, newest first', async () => {
    const { org, api, contact, base } = await portalSetup();
    const person = contact.persons[0]!;
    const wrong = await portal(org.portalName).signIn(person.email, 'Wrong-Password-9!');
    expect(wrong.status).toBe(401);
    const tokens = await signedIn(org.portalName, person.email, CHOSEN_PASSWORD);

    const mine = await as(tokens.idToken).get(`${base}/me/sign-ins`);
    expect(mine.status).toBe(200);
    const entry = {
      id: expect.any(String),
      at: expect.any(String),
      step: 'password',
      sourceIp: expect.stringMatching(/127\.0\.0\.1/),
      userAgent: expect.any(String),
    };
    // portalSetup signed the person in once already.
    expect(mine.body).toEqual({
      items: [
        { ...entry, result: 'success' },
        { ...entry, result: 'failure' },
        { ...entry, result: 'success' },
      ],
      nextCursor: null,
    });
    expect(JSON.stringify(mine.body)).not.toContain('Wrong-Password');
    const staffView = await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/persons/${person.id}/sign-ins?limit=2`);
    expect(staffView.status).toBe(200);
    expect(staffView.body.items).toEqual(mine.body.items.slice(0, 2));
    expect(staffView.body.nextCursor).toEqual(expect.any(String));
    const rest = await api.get(
      `/v1/orgs/${org.id}/contacts/${contact.id}/persons/${person.id}/sign-ins?limit=2&cursor=${encodeURIComponent(staffView.body.nextCursor)}`,
    );
    expect(rest.body.items).toEqual(mine.body.items.slice(2));
  });

  it('signs a person out everywhere: every earlier refresh token and ID token fails; a new sign-in works', async () => {
    const { org, contact, base } = await portalSetup();
    const person = contact.persons[0]!;
    const laptop = await signedIn(org.portalName, person.email, CHOSEN_PASSWORD);
    const phone = await signedIn(org.portalName, person.email, CHOSEN_PASSWORD);
    expect((await portal(org.portalName).refresh(laptop.refreshToken)).status).toBe(200);

    expect((await as(phone.idToken).post(`${base}/me/sign-out-everywhere`)).status).toBe(204);
    for (const device of [laptop, phone]) {
      const refreshed = await portal(org.portalName).refresh(device.refreshToken);
      expect(refreshed.status).toBe(401);
      expect((await as(device.idToken).get(`${base}/me`)).status).toBe(401);
    }
    await nextSecond();
    const again = await signedIn(org.portalName, person.email, CHOSEN_PASSWORD);
    expect((await as(again.idToken).get(`${base}/me`)).status).toBe(200);
    expect((await portal(org.portalName).refresh(again.refreshToken)).status).toBe(200);
  });

  it('lets staff end a person’s sessions, inside their own organization only', async () => {
    const { org, api, contact, base } = await portalSetup();
    const other = await portalSetup();
    const person = contact.persons[0]!;
    const session = await signedIn(org.portalName, person.email, CHOSEN_PASSWORD);
    const path = `/v1/orgs/${org.id}/contacts/${contact.id}/persons/${person.id}/sign-out-everywhere`;
    expect((await other.api.post(path)).status).toBe(404);
    expect((await as(session.idToken).get(`${base}/me`)).status).toBe(200);
    expect((await api.post(path)).status).toBe(204);
    expect((await portal(org.portalName).refresh(session.refreshToken)).status).toBe(401);
    expect((await as(session.idToken).get(`${base}/me`)).status).toBe(401);
  });
});
