import { describe, expect, it } from 'vitest';
import { newContact, uniqueEmail } from '../support/contacts.ts';
import { newOrganization } from '../support/staff.ts';

describe('contacts', () => {
  it('creates a contact with its primary person and more persons, and reads it back', async () => {
    const { org, api } = await newOrganization();
    const primaryEmail = uniqueEmail('primary');
    const otherEmail = uniqueEmail('other');
    const created = await api.post(`/v1/orgs/${org.id}/contacts`, {
      name: '  Globex Corporation ',
      email: primaryEmail.toUpperCase(),
      persons: [{ name: 'Hank Scorpio', email: otherEmail }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Globex Corporation',
      email: primaryEmail,
      version: 1,
      persons: [
        { name: 'Globex Corporation', email: primaryEmail, primary: true, portalAccess: 'disabled' },
        { name: 'Hank Scorpio', email: otherEmail, primary: false, portalAccess: 'disabled' },
      ],
    });
    expect(created.body.id).toMatch(/^con_[0-9a-z]{16}$/);
    expect(created.body.persons[0].id).toMatch(/^per_[0-9a-z]{16}$/);
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${created.body.id}`)).body).toEqual(created.body);
  });

  it('rejects invalid input with 400 details and writes nothing', async () => {
    const { org, api } = await newOrganization();
    const response = await api.post(`/v1/orgs/${org.id}/contacts`, { name: '', email: 'not-an-email', persons: [{ name: 'X' }] });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['body.email', 'body.name', 'body.persons.0.email']);
    expect((await api.get(`/v1/orgs/${org.id}/contacts`)).body).toEqual({ items: [], nextCursor: null });
  });

  it('lists contacts in pages with an opaque cursor, and refuses a forged one', async () => {
    const { org, api } = await newOrganization();
    const contacts = await Promise.all(Array.from({ length: 5 }, () => newContact(api, org.id)));
    const ids = contacts.map((contact) => contact.id).sort();
    const first = await api.get(`/v1/orgs/${org.id}/contacts?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { id: string }) => item.id)).toEqual(ids.slice(0, 2));
    const second = await api.get(`/v1/orgs/${org.id}/contacts?limit=2&cursor=${first.body.nextCursor}`);
    const third = await api.get(`/v1/orgs/${org.id}/contacts?limit=2&cursor=${second.body.nextCursor}`);
    expect([...second.body.items, ...third.body.items].map((item: { id: string }) => item.id)).toEqual(ids.slice(2));
    const all = await api.get(`/v1/orgs/${org.id}/contacts?limit=100`);
    expect(all.body.nextCursor).toBeNull();

    const other = await newOrganization();
    const otherContact = await newContact(other.api, other.org.id);
    const foreign = Buffer.from(JSON.stringify({ PK: `ORG#${other.org.id}`, SK: `CONTACT#${otherContact.id}` })).toString('base64url');
    for (const cursor of [foreign, 'not-base64-json', Buffer.from('{"PK":1}').toString('base64url')]) {
      const response = await api.get(`/v1/orgs/${org.id}/contacts?cursor=${cursor}`);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('INVALID_CURSOR');
    }
    expect((await api.get(`/v1/orgs/${org.id}/contacts?limit=0`)).status).toBe(400);
  });

  it("updates the contact's name and email as its primary person's, bumping the version", async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id, 1);
    const email = uniqueEmail('renamed');
    const updated = await api.patch(`/v1/orgs/${org.id}/contacts/${contact.id}`, { name: 'Globex Europe', email });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Globex Europe', email, version: 2 });
    expect(updated.body.persons[0]).toMatchObject({ name: 'Globex Europe', email, primary: true });
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}`)).body).toEqual(updated.body);
  });

  it('adds, edits and removes persons; the primary person cannot be removed', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const added = await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/persons`, { name: 'Marge', email: uniqueEmail('marge') });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'Marge', primary: false, portalAccess: 'disabled' });
    const edited = await api.patch(`/v1/orgs/${org.id}/contacts/${contact.id}/persons/${added.body.id}`, { name: 'Marge Simpson' });
    expect(edited.status).toBe(200);
    expect(edited.body).toEqual({ ...added.body, name: 'Marge Simpson' });

    const primaryId = contact.persons[0]!.id;
    const refused = await api.delete(`/v1/orgs/${org.id}/contacts/${contact.id}/persons/${primaryId}`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('PRIMARY_PERSON');

    expect((await api.delete(`/v1/orgs/${org.id}/contacts/${contact.id}/persons/${added.body.id}`)).status).toBe(204);
    const read = await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}`);
    expect(read.body.persons.map((person: { id: string }) => person.id)).toEqual([primaryId]);
    expect(read.body.version).toBe(4);
    expect((await api.patch(`/v1/orgs/${org.id}/contacts/${contact.id}/persons/${added.body.id}`, { name: 'Gone' })).status).toBe(404);
  });

  it('deletes a contact: 204, then 404', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    expect((await api.delete(`/v1/orgs/${org.id}/contacts/${contact.id}`)).status).toBe(204);
    const read = await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}`);
    expect(read.status).toBe(404);
    expect(read.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Contact was not found.' } });
  });

  it('refuses concurrent stale updates with 409 CONCURRENT_MODIFICATION instead of losing one', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) => api.patch(`/v1/orgs/${org.id}/contacts/${contact.id}`, { name: `Name ${index}` })),
    );
    const statuses = results.map((result) => result.status);
    expect(statuses).toContain(200);
    for (const result of results) {
      if (result.status !== 200) expect(result.body.error.code).toBe('CONCURRENT_MODIFICATION');
    }
    const final = (await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}`)).body;
    expect(final.version).toBe(1 + statuses.filter((status) => status === 200).length);
  });

  it("hides one organization's contacts from another's staff: 404 on every route", async () => {
    const a = await newOrganization();
    const b = await newOrganization();
    const contact = await newContact(a.api, a.org.id, 1);
    const personId = contact.persons[1]!.id;
    const base = `/v1/orgs/${b.org.id}/contacts/${contact.id}`;
    for (const response of [
      await b.api.get(base),
      await b.api.patch(base, { name: 'Hijacked' }),
      await b.api.delete(base),
      await b.api.post(`${base}/persons`, { name: 'Intruder', email: uniqueEmail() }),
      await b.api.patch(`${base}/persons/${personId}`, { name: 'Hijacked' }),
      await b.api.delete(`${base}/persons/${personId}`),
      await b.api.post(`${base}/portal-access`, { personIds: [personId] }),
      await b.api.delete(`${base}/portal-access/${personId}`),
      await b.api.post(`/v1/orgs/${b.org.id}/portal-invitations`, { contactIds: [contact.id] }),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.error.message).toBe('Contact was not found.');
    }
    // Using A's organization id in the path gets B's staff nowhere either.
    expect((await b.api.get(`/v1/orgs/${a.org.id}/contacts/${contact.id}`)).status).toBe(404);
    expect((await b.api.get(`/v1/orgs/${b.org.id}/contacts`)).body.items).toEqual([]);
    expect((await a.api.get(`/v1/orgs/${a.org.id}/contacts/${contact.id}`)).body).toEqual(contact);
  });
});
