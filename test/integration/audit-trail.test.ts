import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/core/db/keys.ts';
import { newContact, uniqueEmail } from '../support/contacts.ts';
import { makeDocument } from '../support/documents.ts';
import { newOrganization } from '../support/staff.ts';
import { setItemAttributes } from '../support/table.ts';
import { newMember } from '../support/team.ts';

type Api = Awaited<ReturnType<typeof newOrganization>>['api'];

/** The whole trail, oldest first, as the export gives it. */
async function exported(api: Api, orgId: string) {
  const response = await api.get(`/v1/orgs/${orgId}/audit/export`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/x-ndjson');
  return (response.body as string)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

const ownerOf = async (api: Api, orgId: string) => (await api.get(`/v1/orgs/${orgId}/members`)).body.items[0].staffId as string;

describe('the audit trail', () => {
  it('stays one unbroken chain under 100 concurrent changes, one entry per change that committed and none for one that did not', async () => {
    const { org, api } = await newOrganization();
    // One change first, as a warm-up: the function's first requests fetch the pool's keys.
    const first = await newContact(api, org.id);
    const burst = await Promise.all(Array.from({ length: 100 }, () => api.post(`/v1/orgs/${org.id}/contacts`, { name: 'Globex', email: uniqueEmail() })));
    // One head per organization serializes its changes: on a slow machine some of a burst may give up with 409, having written nothing.
    for (const response of burst) if (response.status !== 201) expect(response.body.error.code).toBe('CONCURRENT_MODIFICATION');
    const created = [first.id, ...burst.filter((response) => response.status === 201).map((response) => response.body.id)];
    expect(created.length).toBeGreaterThan(1);

    const entries = await exported(api, org.id);
    expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: created.length + 1 }, (_, index) => index + 1));
    expect(entries[0]).toMatchObject({ action: 'organization.created', subject: { type: 'organization', id: org.id }, prevHash: '0'.repeat(64) });
    const recorded = entries.filter((entry) => entry.action === 'contact.created').map((entry) => entry.subject.id);
    expect(recorded.sort()).toEqual(created.sort());
    const stored = (await api.get(`/v1/orgs/${org.id}/contacts?limit=100`)).body;
    const more = stored.nextCursor ? (await api.get(`/v1/orgs/${org.id}/contacts?limit=100&cursor=${stored.nextCursor}`)).body.items : [];
    expect([...stored.items, ...more].map((contact: { id: string }) => contact.id).sort()).toEqual(created.sort());
    for (const [index, entry] of entries.entries()) if (index > 0) expect(entry.prevHash).toBe(entries[index - 1].hash);

    const verified = await api.get(`/v1/orgs/${org.id}/audit/verify`);
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ ok: true, checked: entries.length, head: { seq: entries.length, hash: entries.at(-1).hash } });
  });

  it('names exactly the entry edited in the table, and verifies from a checkpoint after it', async () => {
    const { org, api } = await newOrganization();
    for (let index = 0; index < 5; index++) await newContact(api, org.id);
    await setItemAttributes(keys.auditEntry(org.id, 3), { action: 'contact.deleted' });

    const verified = await api.get(`/v1/orgs/${org.id}/audit/verify`);
    expect(verified.body).toEqual({ ok: false, checked: 2, head: { seq: 6, hash: expect.any(String) }, firstBroken: { seq: 3, reason: 'hash_mismatch' } });
    // From 4 on, entry 3 is the anchor: it is recomputed too, and found broken.
    expect((await api.get(`/v1/orgs/${org.id}/audit/verify?from=4`)).body.firstBroken).toEqual({ seq: 3, reason: 'hash_mismatch' });
    expect((await api.get(`/v1/orgs/${org.id}/audit/verify?from=5`)).body).toEqual({ ok: true, checked: 2, head: { seq: 6, hash: expect.any(String) } });
  });

  it('writes no entry for a change that fails, and no entry without its change', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    await makeDocument(api, org.id, 'invoices', contact.id);
    const refused = await api.delete(`/v1/orgs/${org.id}/contacts/${contact.id}`);
    expect(refused.body.error.code).toBe('CONTACT_HAS_DOCUMENTS');
    const after = await newContact(api, org.id);

    const newestFirst = (await api.get(`/v1/orgs/${org.id}/audit?limit=100`)).body.items;
    const actions = newestFirst.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(['contact.created', 'invoice.created', 'contact.created', 'organization.created']);
    expect(newestFirst[0].subject).toEqual({ type: 'contact', id: after.id });
    expect(newestFirst.map((entry: { seq: number }) => entry.seq)).toEqual([4, 3, 2, 1]);
  });

  it('records who acted by id and role only, newest first, in pages', async () => {
    const { org, api } = await newOrganization();
    const ownerId = await ownerOf(api, org.id);
    const member = await newMember(api, org.id, 'billing');
    expect((await api.patch(`/v1/orgs/${org.id}/members/${member.staffId}`, { role: 'admin' })).status).toBe(200);
    expect((await api.patch(`/v1/orgs/${org.id}`, { name: 'Acme Holdings' })).status).toBe(200);
    const template = { subject: '{{orgName}} invites {{personName}}', html: '<a href="{{invitationUrl}}">Join</a>', text: '{{invitationUrl}}' };
    expect((await api.put(`/v1/orgs/${org.id}/email-templates/invitation-link`, template)).status).toBe(200);

    const first = await api.get(`/v1/orgs/${org.id}/audit?limit=2`);
    const second = await api.get(`/v1/orgs/${org.id}/audit?limit=10&cursor=${first.body.nextCursor}`);
    const entries = [...first.body.items, ...second.body.items];
    expect(second.body.nextCursor).toBeNull();
    const owner = { type: 'staff', id: ownerId, role: 'owner' };
    expect(entries.map(({ actor, action, subject }) => ({ actor, action, subject }))).toEqual([
      { actor: owner, action: 'email_template.saved', subject: { type: 'email_template', id: 'invitation-link/en' } },
      { actor: owner, action: 'organization.updated', subject: { type: 'organization', id: org.id } },
      { actor: owner, action: 'member.role_changed', subject: { type: 'member', id: member.staffId } },
      { actor: { type: 'staff', id: member.staffId, role: 'billing' }, action: 'member.joined', subject: { type: 'member', id: member.staffId } },
      { actor: owner, action: 'member.invited', subject: { type: 'staff_invitation', id: expect.stringMatching(/^[0-9a-f]{64}$/) } },
      { actor: owner, action: 'organization.created', subject: { type: 'organization', id: org.id } },
    ]);
    expect(JSON.stringify(entries)).not.toContain(member.email);
  });

  it('is for owners and admins of the organization only', async () => {
    const { org, api } = await newOrganization();
    const stranger = await newOrganization();
    const billing = await newMember(api, org.id, 'billing');
    for (const path of ['audit', 'audit/verify', 'audit/export']) {
      expect((await stranger.api.get(`/v1/orgs/${org.id}/${path}`)).status).toBe(404);
      expect((await billing.api.get(`/v1/orgs/${org.id}/${path}`)).status).toBe(403);
      expect((await api.get(`/v1/orgs/${org.id}/${path}`)).status).toBe(200);
    }
    expect((await api.get(`/v1/orgs/${org.id}/audit?cursor=${stranger.org.id}`)).status).toBe(400);
  });
});
