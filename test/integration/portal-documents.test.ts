import { describe, expect, it } from 'vitest';
import { as, download } from '../support/api.ts';
import { newContact } from '../support/contacts.ts';
import { makeDocument, portalSetup, sentDocument } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { waitForMails } from '../support/mailbox.ts';
import { pdfText } from '../support/pdf-text.ts';

describe('portal: documents of my contact', () => {
  it('hides drafts; after send the persons with access are emailed and see it; the first view sets viewed once', async () => {
    const { org, api, contact, tokens, base, person } = await portalSetup(1);
    const draft = await makeDocument(api, org.id, 'invoices', contact.id, { issueDate: '2026-05-01', dueDate: '2099-05-31' });
    expect((await person.get(`${base}/documents`)).body).toEqual({ items: [], nextCursor: null, total: 0, balances: [] });
    expect((await person.get(`${base}/documents/${draft.id}`)).status).toBe(404);

    const sent = await api.post(`/v1/orgs/${org.id}/invoices/${draft.id}/send`);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'sent', version: 2 });
    for (const recipient of contact.persons) {
      const mails = await waitForMails(recipient.email, 1, 10_000, (mail) => mail.subject.startsWith('Invoice'));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe('Invoice INV-000001 from Acme Supplies');
      expect(mails[0]!.body.text).toContain(`Dear ${recipient.name},`);
      expect(mails[0]!.body.text).toContain('Total: €119.00\nDue date: 31 May 2099\n');
      expect(mails[0]!.body.text).toContain(`${local().apiUrl}/p/${org.portalName}/documents/${draft.id}`);
    }

    const listed = await person.get(`${base}/documents`);
    expect(listed.body.items.map((item: { id: string; status: string }) => [item.id, item.status])).toEqual([[draft.id, 'sent']]);
    expect(listed.body.items[0]).not.toHaveProperty('createdBy');

    const views = await Promise.all(tokens.map((token) => as(token).get(`${base}/documents/${draft.id}`)));
    for (const view of views) expect(view.body).toMatchObject({ id: draft.id, status: 'viewed', total: 11900, comments: [], payments: [] });
    const viewedAt = views[0]!.body.viewedAt;
    expect(views.map((view) => view.body.viewedAt)).toEqual([viewedAt, viewedAt]);
    expect((await person.get(`${base}/documents/${draft.id}`)).body.viewedAt).toBe(viewedAt);
    const activity = await api.get(`/v1/orgs/${org.id}/invoices/${draft.id}/activity`);
    expect(activity.body.items.map((entry: { action: string }) => entry.action)).toEqual(['created', 'sent', 'viewed']);
    expect(activity.body.items[2].actor).toEqual({ type: 'portal', id: expect.stringMatching(/^per_/), name: expect.any(String) });
  });

  it('filters by kind and status with cursor pages', async () => {
    const { org, api, contact, base, person } = await portalSetup();
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id, { issueDate: '2026-01-10', dueDate: '2026-01-20' });
    const estimate = await sentDocument(api, org.id, 'estimates', contact.id, { issueDate: '2026-01-11' });
    const retainer = await sentDocument(api, org.id, 'retainer-invoices', contact.id, { issueDate: '2026-01-12', dueDate: '2099-01-01' });
    const page1 = await person.get(`${base}/documents?limit=2`);
    expect(page1.body.items.map((item: { id: string }) => item.id)).toEqual([retainer.id, estimate.id]);
    const page2 = await person.get(`${base}/documents?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body).toMatchObject({ items: [{ id: invoice.id, status: 'overdue' }], nextCursor: null });
    expect((await person.get(`${base}/documents?kind=estimate`)).body.items.map((item: { id: string }) => item.id)).toEqual([estimate.id]);
    expect((await person.get(`${base}/documents?status=overdue`)).body.items.map((item: { id: string }) => item.id)).toEqual([invoice.id]);
    expect((await person.get(`${base}/documents?status=sent`)).body.items.map((item: { id: string }) => item.id)).toEqual([retainer.id, estimate.id]);
  });

  it('accepts a sent estimate once; refuses a second answer, an expired estimate and an invoice, writing nothing', async () => {
    const { org, api, contact, base, person } = await portalSetup();
    const estimate = await sentDocument(api, org.id, 'estimates', contact.id, { expiryDate: '2099-12-31' });
    const accepted = await person.post(`${base}/documents/${estimate.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', acceptedAt: expect.any(String) });

    for (const response of [
      await person.post(`${base}/documents/${estimate.id}/accept`),
      await person.post(`${base}/documents/${estimate.id}/decline`, { reason: 'Too late' }),
    ]) {
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('INVALID_STATUS_TRANSITION');
    }

    const raced = await sentDocument(api, org.id, 'estimates', contact.id);
    const answers = await Promise.all([
      person.post(`${base}/documents/${raced.id}/accept`),
      person.post(`${base}/documents/${raced.id}/decline`, { reason: 'Changed our mind' }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);

    const declinedFirst = await sentDocument(api, org.id, 'estimates', contact.id);
    const declined = await person.post(`${base}/documents/${declinedFirst.id}/decline`, { reason: 'Over budget' });
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'Over budget' });
    expect((await person.post(`${base}/documents/${declinedFirst.id}/accept`)).status).toBe(409);

    const expired = await sentDocument(api, org.id, 'estimates', contact.id, { issueDate: '2026-01-01', expiryDate: '2026-01-31' });
    expect(expired.status).toBe('expired');
    const refused = await person.post(`${base}/documents/${expired.id}/accept`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'INVALID_STATUS_TRANSITION', details: { action: 'accept', status: 'expired' } });

    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    const notEstimate = await person.post(`${base}/documents/${invoice.id}/accept`);
    expect(notEstimate.status).toBe(422);
    expect(notEstimate.body.error.code).toBe('ACTION_NOT_ALLOWED');

    for (const [doc, kind, version] of [
      [expired, 'estimates', 2],
      [invoice, 'invoices', 2],
      [declinedFirst, 'estimates', 3],
    ] as const) {
      expect((await api.get(`/v1/orgs/${org.id}/${kind}/${doc.id}`)).body.version).toBe(version);
    }
    const trail = await api.get(`/v1/orgs/${org.id}/estimates/${estimate.id}/activity`);
    expect(trail.body.items.map((entry: { action: string }) => entry.action)).toEqual(['created', 'sent', 'accepted']);
  });

  it('converts an accepted estimate to an invoice once', async () => {
    const { org, api, contact, base, person } = await portalSetup();
    const estimate = await sentDocument(api, org.id, 'estimates', contact.id);
    expect((await api.post(`/v1/orgs/${org.id}/estimates/${estimate.id}/convert`)).status).toBe(409);
    await person.post(`${base}/documents/${estimate.id}/accept`);
    const conversions = await Promise.all([1, 2, 3].map(() => api.post(`/v1/orgs/${org.id}/estimates/${estimate.id}/convert`)));
    const invoices = conversions.filter((response) => response.status === 201);
    expect(new Set(invoices.map((response) => response.body.id)).size).toBe(1);
    expect(invoices[0]!.body).toMatchObject({
      kind: 'invoice',
      number: 'INV-000001',
      status: 'draft',
      total: estimate.total,
      convertedFrom: { id: estimate.id, number: 'EST-000001' },
    });
    expect((await api.get(`/v1/orgs/${org.id}/estimates/${estimate.id}`)).body).toMatchObject({
      status: 'converted',
      convertedTo: { id: invoices[0]!.body.id },
    });
    expect((await api.post(`/v1/orgs/${org.id}/estimates/${estimate.id}/convert`)).status).toBe(409);
    expect((await api.get(`/v1/orgs/${org.id}/invoices`)).body.items).toHaveLength(1);
  });

  it('comments from both sides are visible to both and notify the other side', async () => {
    const { org, api, token, contact, base, person } = await portalSetup();
    const staffEmail = (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).email as string).toLowerCase();
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    const fromStaff = await api.post(`/v1/orgs/${org.id}/invoices/${invoice.id}/comments`, { body: 'Thanks for your <b>order</b>' });
    expect(fromStaff.status).toBe(201);
    expect(fromStaff.body).toEqual({
      id: expect.any(String),
      body: 'Thanks for your <b>order</b>',
      author: { type: 'staff', name: staffEmail },
      createdAt: expect.any(String),
    });
    const toPerson = await waitForMails(contact.persons[0]!.email, 1, 10_000, (mail) => mail.subject.startsWith('New comment'));
    expect(toPerson).toHaveLength(1);
    expect(toPerson[0]!.body.html).toContain('Thanks for your &lt;b&gt;order&lt;/b&gt;');
    expect(toPerson[0]!.body.text).toContain('Acme Supplies');
    expect(`${toPerson[0]!.body.html}${toPerson[0]!.body.text}`).not.toContain(staffEmail);

    const fromPortal = await person.post(`${base}/documents/${invoice.id}/comments`, { body: 'Can we pay in two parts?' });
    expect(fromPortal.status).toBe(201);
    expect(fromPortal.body.author).toEqual({ type: 'portal', name: contact.persons[0]!.name });

    const staffSees = await api.get(`/v1/orgs/${org.id}/invoices/${invoice.id}/comments`);
    const personSees = await person.get(`${base}/documents/${invoice.id}/comments`);
    expect(staffSees.body.items.map((comment: { body: string }) => comment.body)).toEqual(['Thanks for your <b>order</b>', 'Can we pay in two parts?']);
    // Customers see staff as the organization; staff see who wrote it.
    expect(staffSees.body.items.map((comment: { author: unknown }) => comment.author)).toEqual([
      { type: 'staff', name: staffEmail },
      { type: 'portal', name: contact.persons[0]!.name },
    ]);
    const asCustomerSees = staffSees.body.items.map((comment: { author: { type: string } }) =>
      comment.author.type === 'staff' ? { ...comment, author: { type: 'staff', name: 'Acme Supplies' } } : comment,
    );
    expect(personSees.body).toEqual({ items: asCustomerSees, nextCursor: null });
    expect((await person.get(`${base}/documents/${invoice.id}`)).body.comments).toEqual(asCustomerSees);
  });

  it('keeps comments written on a draft as internal notes, never shown in the portal', async () => {
    const { org, api, contact, base, person } = await portalSetup();
    const draft = await makeDocument(api, org.id, 'invoices', contact.id);
    expect((await api.post(`/v1/orgs/${org.id}/invoices/${draft.id}/comments`, { body: 'Check the discount first' })).status).toBe(201);
    expect((await api.post(`/v1/orgs/${org.id}/invoices/${draft.id}/send`)).status).toBe(200);
    expect((await api.post(`/v1/orgs/${org.id}/invoices/${draft.id}/comments`, { body: 'Sent today' })).status).toBe(201);
    const staffSees = await api.get(`/v1/orgs/${org.id}/invoices/${draft.id}/comments`);
    expect(staffSees.body.items.map((comment: { body: string }) => comment.body)).toEqual(['Check the discount first', 'Sent today']);
    expect((await person.get(`${base}/documents/${draft.id}/comments`)).body.items.map((comment: { body: string }) => comment.body)).toEqual(['Sent today']);
    expect((await person.get(`${base}/documents/${draft.id}`)).body.comments.map((comment: { body: string }) => comment.body)).toEqual(['Sent today']);
  });

  it('serves a valid PDF with the number and total, to staff and to the portal', async () => {
    const { org, api, token, contact, base, tokens } = await portalSetup();
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    for (const response of [
      await download(`/v1/orgs/${org.id}/invoices/${invoice.id}/pdf`, token),
      await download(`${base}/documents/${invoice.id}/pdf`, tokens[0]!),
    ]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(response.bytes.subarray(-6).toString()).toContain('%%EOF');
      const text = pdfText(response.bytes);
      expect(text).toContain('INV-000001');
      expect(text).toContain('Total\n€119.00');
    }
  });
});

describe('portal: tenant isolation', () => {
  it('a person of contact X cannot read, comment on, answer or download contact Y’s document, nor another organization’s: 404', async () => {
    const x = await portalSetup();
    const y = await newContact(x.api, x.org.id);
    const other = await portalSetup();
    const ofY = await sentDocument(x.api, x.org.id, 'estimates', y.id);
    const ofOtherOrg = await sentDocument(other.api, other.org.id, 'estimates', other.contact.id);
    for (const doc of [ofY, ofOtherOrg]) {
      for (const response of [
        await x.person.get(`${x.base}/documents/${doc.id}`),
        await x.person.get(`${x.base}/documents/${doc.id}/comments`),
        await x.person.post(`${x.base}/documents/${doc.id}/comments`, { body: 'hi' }),
        await x.person.post(`${x.base}/documents/${doc.id}/accept`),
        await x.person.post(`${x.base}/documents/${doc.id}/decline`, { reason: 'no' }),
        await x.person.get(`${x.base}/documents/${doc.id}/pdf`),
      ]) {
        expect(response.status).toBe(404);
        expect(response.body.error.code).toBe('NOT_FOUND');
      }
    }
    expect((await x.person.get(`${x.base}/documents`)).body.items).toEqual([]);
    expect((await x.person.get(`/v1/portal/${other.org.portalName}/documents`)).status).toBe(401);
    expect((await other.api.get(`/v1/orgs/${other.org.id}/estimates/${ofOtherOrg.id}`)).body).toMatchObject({ status: 'sent', version: 2 });
  });
});
