import { describe, expect, it } from 'vitest';
import { as, download, request } from '../support/api.ts';
import { newContact, uniqueEmail } from '../support/contacts.ts';
import { sentDocument } from '../support/documents.ts';
import { waitForMails } from '../support/mailbox.ts';
import { pdfText } from '../support/pdf-text.ts';
import { CHOSEN_PASSWORD, signedIn } from '../support/portal.ts';
import { newOrganization } from '../support/staff.ts';

/** Markup, quotes, template syntax and a right-to-left override: each must arrive as text. */
const hostile = (label: string) => `<script>alert('${label}')</script><img src=x onerror="x()">{{${label}}}\u202e"'&`;
const RAW = /<script>alert|<img src=x/;

describe('hostile names and comments', () => {
  it('render escaped in every portal page, every email and the PDF', async () => {
    const { org, api } = await newOrganization({ name: hostile('org') });
    const contact = await newContact(api, org.id, 0, { name: hostile('contact'), email: uniqueEmail('hostile') });
    const person = contact.persons[0]!;
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [person.id], password: CHOSEN_PASSWORD, passwordPermanent: true });
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id, {
      notes: hostile('notes'),
      lines: [{ description: hostile('line'), quantity: 1, unitPrice: 100 }],
    });
    const idToken = (await signedIn(org.portalName, person.email, CHOSEN_PASSWORD)).idToken;
    await api.post(`/v1/orgs/${org.id}/invoices/${invoice.id}/comments`, { body: hostile('staff-comment') });
    await as(idToken).post(`/v1/portal/${org.portalName}/documents/${invoice.id}/comments`, { body: hostile('portal-comment') });

    const pages = ['', '/invitation', '/reset-password', '/documents', '/statement', `/documents/${invoice.id}`];
    for (const page of pages) {
      const response = await request('GET', `/p/${org.portalName}${page}`);
      expect(response.status, page).toBe(200);
      expect(response.body, page).not.toMatch(RAW);
      expect(response.body, page).toContain('&lt;script&gt;alert(');
    }

    const mails = await waitForMails(person.email, 3, 10_000);
    for (const mail of mails) {
      expect(mail.body.html, mail.subject).not.toMatch(RAW);
      expect(mail.subject, mail.subject).not.toMatch(/[\r\n]/);
    }
    expect(
      mails.some(
        (mail) => mail.body.html!.includes('&lt;script&gt;alert(&#39;staff-comment&#39;)') || mail.body.html!.includes("&lt;script&gt;alert('staff-comment')"),
      ),
    ).toBe(true);

    const pdf = await download(`/v1/portal/${org.portalName}/documents/${invoice.id}/pdf`, idToken);
    const text = pdfText(pdf.bytes).replace(/\s+/g, '');
    // In a PDF, text is drawn, never interpreted: the markup shows literally, wrapped where its box ends.
    for (const label of ['org', 'contact', 'line', 'notes']) expect(text).toContain(`<script>alert('${label}')</script>`);
  });
});
