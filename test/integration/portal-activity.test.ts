import { describe, expect, it } from 'vitest';
import { newContact } from '../support/contacts.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { newOrganization } from '../support/staff.ts';

describe('portal activity for staff', () => {
  it("lists each person's last sign-in and, per sent document, who opened it when and the reminders it got", async () => {
    const setup = await portalSetup(1);
    const { api, org, contact, person } = setup;
    const [primary, second] = contact.persons as { id: string; name: string }[];
    const viewed = await sentDocument(api, org.id, 'invoices', contact.id, { issueDate: '2026-01-10', dueDate: '2026-01-20' });
    const unopened = await sentDocument(api, org.id, 'estimates', contact.id, { issueDate: '2026-02-10' });
    expect((await person.get(`${setup.base}/documents/${viewed.id}`)).status).toBe(200);
    expect((await api.post(`/v1/orgs/${org.id}/invoices/${viewed.id}/remind`)).status).toBe(200);

    const response = await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-activity`);
    expect(response.status).toBe(200);
    const signIns = response.body.persons.map((each: { personId: string; lastSignInAt: string | null }) => [each.personId, typeof each.lastSignInAt]);
    expect(signIns).toEqual([
      [primary!.id, 'string'],
      [second!.id, 'string'],
    ]);
    expect(response.body.items).toEqual([
      expect.objectContaining({ docId: unopened.id, number: unopened.number, viewedAt: null, viewedBy: null, reminders: [] }),
      expect.objectContaining({
        docId: viewed.id,
        kind: 'invoice',
        status: 'overdue',
        viewedAt: expect.any(String),
        viewedBy: { personId: primary!.id, name: primary!.name },
        reminders: [{ at: expect.any(String), offset: null, byHand: true }],
      }),
    ]);
    expect(response.body.nextCursor).toBeNull();

    const paged = await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-activity?limit=1`);
    expect(paged.body.items.map((item: { docId: string }) => item.docId)).toEqual([unopened.id]);
    const next = await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-activity?limit=1&cursor=${paged.body.nextCursor}`);
    expect(next.body.items.map((item: { docId: string }) => item.docId)).toEqual([viewed.id]);
  });

  it("shows a person who never signed in, and never another organization's contact", async () => {
    const { api, org } = await newOrganization();
    const contact = await newContact(api, org.id);
    const response = await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-activity`);
    expect(response.body).toEqual({
      persons: [{ personId: contact.persons[0]!.id, name: contact.name, email: contact.email, portalAccess: 'disabled', lastSignInAt: null }],
      items: [],
      nextCursor: null,
    });
    const elsewhere = await newOrganization();
    expect((await elsewhere.api.get(`/v1/orgs/${elsewhere.org.id}/contacts/${contact.id}/portal-activity`)).status).toBe(404);
  });
});
