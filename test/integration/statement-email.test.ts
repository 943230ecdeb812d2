import { describe, expect, it } from 'vitest';
import { newContact } from '../support/contacts.ts';
import { sentDocument } from '../support/documents.ts';
import { mailsTo, waitForMails } from '../support/mailbox.ts';
import { pdfText } from '../support/pdf-text.ts';
import { newOrganization } from '../support/staff.ts';

const plain = (unitPrice: number, overrides: Record<string, unknown> = {}) => ({ lines: [{ description: 'Work', quantity: 1, unitPrice }], ...overrides });
const period = { from: '2026-04-01', to: '2026-04-30' };

describe('emailing a statement', () => {
  it('sends each person the PDF attached, in their language, once per Idempotency-Key', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id, 0, { language: 'de' });
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id, plain(123456, { issueDate: '2026-04-02' }));
    const path = `/v1/orgs/${org.id}/contacts/${contact.id}/statement/email`;

    const queued = await api.post(path, period, { headers: { 'idempotency-key': 'statement-april' } });
    expect(queued.status).toBe(202);
    expect(queued.body).toEqual({
      contactId: contact.id,
      currency: 'EUR',
      ...period,
      recipients: [{ personId: contact.persons[0]!.id, email: contact.email, language: 'de' }],
    });
    const replay = await api.post(path, period, { headers: { 'idempotency-key': 'statement-april' } });
    expect(replay.status).toBe(202);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(queued.body);

    const [mail] = await waitForMails(contact.email, 1);
    expect(mail!.subject).toBe('Kontoauszug von Acme Supplies (1. April 2026 – 30. April 2026)');
    expect(mail!.body.text).toContain(`/p/${org.portalName}/statement`);
    expect(mail!.body.text).toContain('Endsaldo: 1.234,56\u00a0€');
    expect(mail!.attachments?.map((file) => [file.filename, file.contentType])).toEqual([['statement-EUR-2026-04-01-2026-04-30.pdf', 'application/pdf']]);
    const pdf = Buffer.from(mail!.attachments![0]!.content, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('KONTOAUSZUG');
    expect(text).toContain(invoice.number);
    expect(text).toContain('Endsaldo');

    // Another key is another request: its mail arriving shows the replay queued nothing.
    expect((await api.post(path, period, { headers: { 'idempotency-key': 'statement-april-again' } })).status).toBe(202);
    expect(await waitForMails(contact.email, 2)).toHaveLength(2);
  });

  it('refuses a bad period, an unknown currency and a person of another contact, and sends nothing', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id, 1);
    const other = await newContact(api, org.id);
    await sentDocument(api, org.id, 'invoices', contact.id, plain(5000, { issueDate: '2026-04-02' }));
    const path = `/v1/orgs/${org.id}/contacts/${contact.id}/statement/email`;

    const backwards = await api.post(path, { from: '2026-05-01', to: '2026-04-30' });
    expect([backwards.status, backwards.body.error.code]).toEqual([422, 'INVALID_RANGE']);
    const yen = await api.post(path, { ...period, currency: 'JPY' });
    expect([yen.status, yen.body.error.code]).toEqual([422, 'UNKNOWN_CURRENCY']);
    const stranger = await api.post(path, { ...period, personIds: [contact.persons[1]!.id, other.persons[0]!.id] });
    expect(stranger.status).toBe(404);
    const otherTenant = await newOrganization();
    expect((await otherTenant.api.post(`/v1/orgs/${otherTenant.org.id}/contacts/${contact.id}/statement/email`, period)).status).toBe(404);
    expect((await api.post(path, { ...period, personIds: [] })).status).toBe(400);

    // The one valid request names the second person only: theirs is the only mail, the primary person gets none.
    const second = contact.persons[1]!;
    const queued = await api.post(path, { ...period, personIds: [second.id] });
    expect(queued.status).toBe(202);
    expect(await waitForMails(second.email, 1)).toHaveLength(1);
    expect(await mailsTo(contact.email)).toEqual([]);
    expect(await mailsTo(other.email)).toEqual([]);
  });
});
