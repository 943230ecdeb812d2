import { describe, expect, it } from 'vitest';
import { newContact } from '../support/contacts.ts';
import { makeDocument, sentDocument } from '../support/documents.ts';
import { onlyMailTo } from '../support/mailbox.ts';
import { newOrganization } from '../support/staff.ts';
import { newMember, newStaffUser, staffInvitationToken } from '../support/team.ts';

const forbidden = { error: { code: 'FORBIDDEN', message: expect.stringContaining('role does not allow this') } };

describe('team', () => {
  it('invites by email with a one-time link that only the invited email can use', async () => {
    const { org, api } = await newOrganization({ name: 'Acme Supplies' });
    const invitee = await newStaffUser();
    const invited = await api.post(`/v1/orgs/${org.id}/members`, { email: invitee.email.toUpperCase(), role: 'billing' });
    expect(invited.status).toBe(201);
    expect(invited.body).toEqual({ email: invitee.email, role: 'billing', invitedAt: expect.any(String), validUntil: expect.any(String), emailSent: true });
    expect(Date.parse(invited.body.validUntil) - Date.parse(invited.body.invitedAt)).toBeGreaterThan(7 * 86_400_000 - 2000);
    const mail = await onlyMailTo(invitee.email);
    expect(mail.subject).toBe('Join the Acme Supplies team on Portico');
    const token = staffInvitationToken(mail);
    expect(token).toMatch(new RegExp(`^${org.id}\\.[A-Za-z0-9_-]{43}$`));

    const stranger = await newStaffUser();
    const wrongEmail = await stranger.api.post('/v1/staff-invitations/accept', { token });
    expect(wrongEmail.status).toBe(403);
    expect(wrongEmail.body.error.code).toBe('INVITATION_EMAIL_MISMATCH');
    expect((await stranger.api.get(`/v1/orgs/${org.id}`)).status).toBe(404);

    const team = await api.get(`/v1/orgs/${org.id}/members`);
    expect(team.body.invitations).toEqual([{ email: invitee.email, role: 'billing', invitedAt: invited.body.invitedAt, validUntil: invited.body.validUntil }]);

    const joined = await invitee.api.post('/v1/staff-invitations/accept', { token });
    expect(joined.status).toBe(200);
    expect(joined.body).toEqual({ organizationId: org.id, staffId: expect.any(String), email: invitee.email, role: 'billing', createdAt: expect.any(String) });
    expect((await invitee.api.get(`/v1/orgs/${org.id}`)).status).toBe(200);

    const again = await invitee.api.post('/v1/staff-invitations/accept', { token });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('INVITATION_INVALID');
    const forged = await invitee.api.post('/v1/staff-invitations/accept', { token: `${org.id}.not-a-secret` });
    expect(forged.status).toBe(422);

    const after = await api.get(`/v1/orgs/${org.id}/members`);
    expect(after.body.invitations).toEqual([]);
    expect(after.body.items.map((member: { role: string; email: string }) => [member.role, member.email]).sort()).toEqual(
      [
        ['billing', invitee.email],
        ['owner', expect.any(String)],
      ].sort(),
    );
  });

  it('lets a viewer read but not create, send or record anything', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    const draft = await makeDocument(api, org.id, 'invoices', contact.id);
    const viewer = (await newMember(api, org.id, 'viewer')).api;

    expect((await viewer.get(`/v1/orgs/${org.id}`)).status).toBe(200);
    expect((await viewer.get(`/v1/orgs/${org.id}/contacts`)).status).toBe(200);
    expect((await viewer.get(`/v1/orgs/${org.id}/invoices/${invoice.id}`)).status).toBe(200);
    expect((await viewer.get(`/v1/orgs/${org.id}/reports/receivables-aging`)).status).toBe(200);

    const attempts = await Promise.all([
      viewer.post(`/v1/orgs/${org.id}/contacts`, { name: 'Initech', email: 'ap@initech.example' }),
      viewer.post(
        `/v1/orgs/${org.id}/invoices`,
        { contactId: contact.id, lines: [{ description: 'x', quantity: 1, unitPrice: 100 }] },
        { headers: { 'idempotency-key': 'k1' } },
      ),
      viewer.post(`/v1/orgs/${org.id}/invoices/${draft.id}/send`),
      viewer.post(`/v1/orgs/${org.id}/invoices/${invoice.id}/payments`, { amount: 100 }, { headers: { 'idempotency-key': 'k2' } }),
      viewer.patch(`/v1/orgs/${org.id}`, { name: 'Renamed' }),
    ]);
    for (const attempt of attempts) {
      expect(attempt.status).toBe(403);
      expect(attempt.body).toEqual(forbidden);
    }
    expect((await api.get(`/v1/orgs/${org.id}/invoices/${draft.id}`)).body.status).toBe('draft');
    expect((await api.get(`/v1/orgs/${org.id}/invoices/${invoice.id}`)).body.amountPaid).toBe(0);
  });

  it('lets billing do the daily work but not change settings or members', async () => {
    const { org, api } = await newOrganization();
    const billing = await newMember(api, org.id, 'billing');
    const contact = await newContact(billing.api, org.id);
    expect(contact.id).toEqual(expect.any(String));
    for (const attempt of [
      await billing.api.patch(`/v1/orgs/${org.id}`, { name: 'Renamed' }),
      await billing.api.put(`/v1/orgs/${org.id}/portal`, { enabled: false }),
      await billing.api.put(`/v1/orgs/${org.id}/email-templates/invitation-link`, {
        subject: 'Hi',
        html: '<p>{{invitationUrl}}</p>',
        text: '{{invitationUrl}}',
      }),
      await billing.api.get(`/v1/orgs/${org.id}/members`),
      await billing.api.post(`/v1/orgs/${org.id}/members`, { email: 'someone@example.test', role: 'viewer' }),
      await billing.api.patch(`/v1/orgs/${org.id}/members/${billing.staffId}`, { role: 'owner' }),
    ]) {
      expect(attempt.status).toBe(403);
      expect(attempt.body).toEqual(forbidden);
    }
    // An admin manages settings, not the team.
    const admin = await newMember(api, org.id, 'admin');
    expect((await admin.api.patch(`/v1/orgs/${org.id}`, { name: 'Renamed' })).status).toBe(200);
    expect((await admin.api.get(`/v1/orgs/${org.id}/members`)).status).toBe(200);
    expect((await admin.api.delete(`/v1/orgs/${org.id}/members/${billing.staffId}`)).status).toBe(403);
  });

  it('keeps the last owner, and records every change in the activity', async () => {
    const { org, api } = await newOrganization();
    const me = (await api.get(`/v1/orgs/${org.id}/members`)).body.items[0];
    const demote = await api.patch(`/v1/orgs/${org.id}/members/${me.staffId}`, { role: 'admin' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('LAST_OWNER');
    const leave = await api.delete(`/v1/orgs/${org.id}/members/${me.staffId}`);
    expect(leave.status).toBe(409);
    expect(leave.body.error.code).toBe('LAST_OWNER');

    const second = await newMember(api, org.id, 'viewer');
    const promoted = await api.patch(`/v1/orgs/${org.id}/members/${second.staffId}`, { role: 'owner' });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toEqual({ staffId: second.staffId, email: second.email, role: 'owner', createdAt: expect.any(String) });
    // Two owners demoting each other at once: one of them stays owner (the loser is 409, or 403 once no longer owner).
    const [a, b] = await Promise.all([
      api.patch(`/v1/orgs/${org.id}/members/${second.staffId}`, { role: 'billing' }),
      second.api.patch(`/v1/orgs/${org.id}/members/${me.staffId}`, { role: 'billing' }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const owners = (await (a.status === 200 ? api : second.api).get(`/v1/orgs/${org.id}/members`)).body.items.filter(
      (m: { role: string }) => m.role === 'owner',
    );
    expect(owners).toHaveLength(1);

    const owner = a.status === 200 ? api : second.api;
    const other = a.status === 200 ? second : { staffId: me.staffId };
    expect((await owner.delete(`/v1/orgs/${org.id}/members/${other.staffId}`)).status).toBe(204);
    expect((await owner.delete(`/v1/orgs/${org.id}/members/${other.staffId}`)).status).toBe(404);

    const activity = await owner.get(`/v1/orgs/${org.id}/activity`);
    expect(activity.status).toBe(200);
    expect(activity.body.items.map((entry: { action: string; details?: unknown }) => [entry.action, entry.details])).toEqual([
      ['member.invited', { role: 'viewer' }],
      ['member.joined', { role: 'viewer' }],
      ['member.role_changed', { role: 'owner', previousRole: 'viewer' }],
      ['member.role_changed', { role: 'billing', previousRole: 'owner' }],
      ['member.removed', { previousRole: 'billing' }],
    ]);
  });

  it('does not show another organization its team (404, not 403)', async () => {
    const { org } = await newOrganization();
    const outsider = await newOrganization();
    expect((await outsider.api.get(`/v1/orgs/${org.id}/members`)).status).toBe(404);
    expect((await outsider.api.post(`/v1/orgs/${org.id}/members`, { email: 'x@example.test', role: 'owner' })).status).toBe(404);
  });
});
