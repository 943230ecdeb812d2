import { describe, expect, it } from 'vitest';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { mailsTo, type SentMail, waitForMails } from '../support/mailbox.ts';
import { newMember } from '../support/team.ts';

const isComment = (mail: SentMail) => mail.subject.startsWith('New comment');

describe('staff notices', () => {
  it("reach the organization's owners once the document's creator has left the team, and never the one who left", async () => {
    const { org, api, contact, base, person } = await portalSetup();
    const [secondOwner, clerk] = [await newMember(api, org.id, 'owner'), await newMember(api, org.id, 'billing')];
    const members = (await api.get(`/v1/orgs/${org.id}/members`)).body.items as { staffId: string; email: string; role: string }[];
    const firstOwner = members.find((member) => member.role === 'owner' && member.staffId !== secondOwner.staffId)!;

    // While the clerk is a member, a portal comment on their invoice reaches them only.
    const kept = await sentDocument(clerk.api, org.id, 'invoices', contact.id);
    expect((await person.post(`${base}/documents/${kept.id}/comments`, { body: 'First question' })).status).toBe(201);
    expect((await waitForMails(clerk.email, 1, 10_000, isComment))[0]!.body.text).toContain('First question');

    const left = await sentDocument(clerk.api, org.id, 'invoices', contact.id);
    expect((await api.delete(`/v1/orgs/${org.id}/members/${clerk.staffId}`)).status).toBe(204);
    expect((await person.post(`${base}/documents/${left.id}/comments`, { body: 'Anyone there?' })).status).toBe(201);
    for (const owner of [firstOwner.email, secondOwner.email]) {
      const [notice] = await waitForMails(owner, 1, 10_000, (mail) => isComment(mail) && (mail.body.text ?? '').includes('Anyone there?'));
      expect(notice!.body.text).toContain(left.number);
    }
    // The owners' mails are the positive signal the notice went out: the clerk got none of it.
    expect((await mailsTo(clerk.email)).filter(isComment).map((mail) => mail.body.text ?? '')).toEqual([expect.stringContaining('First question')]);
    const ownerNotices = await Promise.all([firstOwner.email, secondOwner.email].map(async (email) => (await mailsTo(email)).filter(isComment).length));
    expect(ownerNotices).toEqual([1, 1]);
  });
});
