import { describe, expect, it } from 'vitest';
import { as } from '../support/api.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { mailsTo, type SentMail, waitForMails } from '../support/mailbox.ts';
import { newMember } from '../support/team.ts';

const isComment = (mail: SentMail) => mail.subject.startsWith('New comment');

/** Where a document opens in the staff app: the local runtime's STAFF_APP_URL is `<api>/staff`. */
const staffLink = (orgId: string, kind: string, docId: string) => `${local().apiUrl}/staff/orgs/${orgId}/${kind}/${docId}`;

describe('staff notices', () => {
  it('say who commented on which document, greet the staff member, and link to the document in the staff app', async () => {
    const { org, api, contact, base, tokens } = await portalSetup(1);
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    const staffEmail = invoice.createdBy.email as string;
    const commenter = as(tokens[1]);
    expect((await commenter.post(`${base}/documents/${invoice.id}/comments`, { body: 'Can we pay in two parts?' })).status).toBe(201);

    const [notice] = await waitForMails(staffEmail, 1, 10_000, isComment);
    const link = staffLink(org.id, 'invoices', invoice.id);
    expect(notice!.subject).toBe(`New comment from Person 1 (Globex Corporation) on Invoice ${invoice.number}`);
    expect(notice!.body.text).toBe(
      `Hello ${staffEmail},\n\n` +
        `Person 1 of Globex Corporation commented on Invoice ${invoice.number} in the client portal:\n\n` +
        'Can we pay in two parts?\n\n' +
        `Open the document in Portico to read the thread and reply:\n${link}\n\n` +
        "Your reply goes to Globex Corporation's portal, where Person 1 reads it.\n\n" +
        '--\n' +
        'You received this email as a member of Acme Supplies on Portico: notices about a document go to the member who created it, or to the owners once that member has left.\n',
    );
    const html = notice!.body.html ?? '';
    expect(html).toContain(`<p style="margin:0 0 16px;">Hello ${staffEmail},</p>`);
    expect(html).toContain(`href="${link}"`);
    // Nothing for a customer: no "Dear", no "added you as a contact", no portal link staff cannot sign in to.
    for (const part of [notice!.body.text ?? '', html]) {
      expect(part).not.toContain('Dear');
      expect(part).not.toContain('added you as a contact');
      expect(part).not.toContain(`/p/${org.portalName}`);
    }
  });

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
      expect(notice!.subject).toBe(`New comment from Globex Corporation (Globex Corporation) on Invoice ${left.number}`);
      expect(notice!.body.text).toContain(`Hello ${owner},\n\n`);
      expect(notice!.body.text).toContain(`\n${staffLink(org.id, 'invoices', left.id)}\n`);
    }
    // The owners' mails are the positive signal the notice went out: the clerk got none of it.
    expect((await mailsTo(clerk.email)).filter(isComment).map((mail) => mail.body.text ?? '')).toEqual([expect.stringContaining('First question')]);
    const ownerNotices = await Promise.all([firstOwner.email, secondOwner.email].map(async (email) => (await mailsTo(email)).filter(isComment).length));
    expect(ownerNotices).toEqual([1, 1]);
  });
});
