import { describe, expect, it } from 'vitest';
import { as, download } from '../support/api.ts';
import { newContact } from '../support/contacts.ts';
import { sentDocument } from '../support/documents.ts';
import { gifBytes, pngOf } from '../support/images.ts';
import { local } from '../support/local.ts';
import { mailsTo, waitForMails } from '../support/mailbox.ts';
import { connectedOrganization, enableOnlinePayments } from '../support/online-payments.ts';
import { pdfText } from '../support/pdf-text.ts';
import { CHOSEN_PASSWORD, signedIn } from '../support/portal.ts';
import { newOrganization } from '../support/staff.ts';
import { control, eventually } from '../support/stripe.ts';

type Api = ReturnType<typeof as>;

/** A contact whose primary person has portal access with a permanent password, signed in. */
async function customer(api: Api, org: { id: string; portalName: string }, overrides: Record<string, unknown> = {}) {
  const contact = await newContact(api, org.id, 0, overrides);
  const person = contact.persons[0]!;
  const granted = await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, {
    personIds: [person.id],
    password: CHOSEN_PASSWORD,
    passwordPermanent: true,
  });
  expect(granted.status).toBe(200);
  const { idToken } = await signedIn(org.portalName, person.email, CHOSEN_PASSWORD);
  return { contact, person, token: idToken, portal: as(idToken), base: `/v1/portal/${org.portalName}` };
}

const isDocumentMail = (mail: { subject: string }) => mail.subject.startsWith('Rechnung');

describe('a contact whose language is German', () => {
  it('gets German mail and a German PDF, with German money and dates; staff and the person read it back', async () => {
    const { org, api } = await newOrganization();
    const { contact, person, token, portal, base } = await customer(api, org, { language: 'de' });
    expect(contact).toMatchObject({ language: 'de', persons: [{ language: null }] });
    expect((await portal.get(`${base}/me`)).body.language).toBe('de');

    const invoice = await sentDocument(api, org.id, 'invoices', contact.id, {
      lines: [{ description: 'Beratung', quantity: 1, unitPrice: 123456 }],
      dueDate: '2027-01-05',
    });
    const [mail] = await waitForMails(person.email, 1, 10_000, isDocumentMail);
    expect(mail!.subject).toBe(`Rechnung ${invoice.number} von Acme Supplies`);
    expect(mail!.body.text).toBe(
      [
        'Guten Tag Globex Corporation,',
        '',
        `Vielen Dank für Ihren Auftrag. Acme Supplies hat Globex Corporation ein Dokument gesendet: Rechnung ${invoice.number}. Im Kundenportal können Sie das Dokument ansehen, herunterladen und drucken.`,
        '',
        `Rechnung Nr.: ${invoice.number}`,
        'Gesamtbetrag: 1.234,56\u00a0€',
        'Fällig am: 5. Januar 2027',
        '',
        'Rechnung ansehen:',
        `${org.portalUrl}/documents/${invoice.id}`,
        '',
        'Bei Fragen hinterlassen Sie einfach einen Kommentar am Dokument im Portal.',
        '',
        'Mit freundlichen Grüßen',
        'Acme Supplies',
        '',
        '--',
        'Sie erhalten diese E-Mail, weil Acme Supplies Sie als Ansprechpartner von Globex Corporation eingetragen hat.',
        '',
      ].join('\n'),
    );
    expect(mail!.body.html).toContain('<html lang="de">');

    const pdf = await download(`${base}/documents/${invoice.id}/pdf`, token);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.bytes);
    for (const expected of ['RECHNUNG', `Nummer: ${invoice.number}`, 'Fällig am: 5. Januar 2027', 'RECHNUNG AN', 'Gesamtbetrag', '1.234,56\u00a0€']) {
      expect(text).toContain(expected);
    }

    // A person's own language wins over the contact's; dropping it reads the contact's again.
    const english = await api.patch(`/v1/orgs/${org.id}/contacts/${contact.id}/persons/${person.id}`, { language: 'en' });
    expect(english.body.language).toBe('en');
    expect((await portal.get(`${base}/me`)).body.language).toBe('en');
    await api.patch(`/v1/orgs/${org.id}/contacts/${contact.id}/persons/${person.id}`, { language: null });
    expect((await portal.get(`${base}/me`)).body.language).toBe('de');
  });

  it('refuses a language Portico does not write', async () => {
    const { org, api } = await newOrganization();
    const response = await api.post(`/v1/orgs/${org.id}/contacts`, { name: 'Globex', email: 'ap@globex.example', language: 'it' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(['body.language']);
  });
});

describe('one receipt per payment', () => {
  it('paying two invoices at once sends one receipt naming both, with the amount applied to each', async () => {
    const { org, api } = await newOrganization();
    await connectedOrganization(api, org.id);
    await enableOnlinePayments(api, org.id);
    const { contact, person, portal, base } = await customer(api, org);
    const first = await sentDocument(api, org.id, 'invoices', contact.id, { lines: [{ description: 'Design', quantity: 1, unitPrice: 12000 }] });
    const second = await sentDocument(api, org.id, 'invoices', contact.id, { lines: [{ description: 'Build', quantity: 1, unitPrice: 30050 }] });
    const started = await portal.post(`${base}/checkout`, { docIds: [first.id, second.id] });
    expect(started.status).toBe(201);
    expect((await control('POST', `/checkout/sessions/${started.body.sessionId}/pay`, { method: 'card' })).status).toBe(200);

    const isReceipt = (mail: { subject: string }) => mail.subject.startsWith('Payment receipt');
    const [receipt] = await waitForMails(person.email, 1, 15_000, isReceipt);
    // The receipt's event follows both documents' payment events on the stream, which were delivered before it; both are paid.
    await eventually(async () => (await api.get(`/v1/orgs/${org.id}/invoices/${second.id}`)).body.status === 'paid', 10_000);
    expect((await mailsTo(person.email)).filter(isReceipt)).toHaveLength(1);

    const numbers = [first.number, second.number].sort();
    expect(receipt!.subject).toBe(`Payment receipt for ${numbers.join(', ')} from Acme Supplies`);
    expect(receipt!.body.text).toContain('has received €420.50 from Globex Corporation');
    expect(receipt!.body.text).toContain(`${first.number}: €120.00 applied, €0.00 still due`);
    expect(receipt!.body.text).toContain(`${second.number}: €300.50 applied, €0.00 still due`);
    expect(receipt!.body.text).toContain(`${org.portalUrl}/documents\n`);
  });

  it('an offline payment of one document is one receipt for it', async () => {
    const { org, api } = await newOrganization();
    const { contact, person } = await customer(api, org);
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id, { lines: [{ description: 'Design', quantity: 1, unitPrice: 12000 }] });
    const paid = await api.post(`/v1/orgs/${org.id}/invoices/${invoice.id}/payments`, {
      amount: 5000,
      date: new Date().toISOString().slice(0, 10),
      method: 'bank_transfer',
    });
    expect(paid.status).toBe(201);
    const [receipt] = await waitForMails(person.email, 1, 10_000, (mail) => mail.subject.startsWith('Payment receipt'));
    expect(receipt!.subject).toBe(`Payment receipt for ${invoice.number} from Acme Supplies`);
    expect(receipt!.body.text).toContain(`${invoice.number}: €50.00 applied, €70.00 still due`);
    expect(receipt!.body.text).toContain(`${org.portalUrl}/documents/${invoice.id}\n`);
  });
});

/** Posts a file through the presigned form, as a browser would. */
async function upload(form: { uploadUrl: string; fields: Record<string, string> }, file: Buffer, contentType: string, name: string) {
  const body = new FormData();
  for (const [field, value] of Object.entries(form.fields)) body.append(field, value);
  body.append('Content-Type', contentType);
  body.append('file', new Blob([new Uint8Array(file)], { type: contentType }), name);
  const response = await fetch(form.uploadUrl, { method: 'POST', body });
  return { status: response.status, text: await response.text() };
}

describe('the logo', () => {
  it('is uploaded through a presigned POST, checked, served by Portico, shown in mail and embedded in the PDF', async () => {
    const { org, api, token } = await newOrganization();
    const form = await api.post(`/v1/orgs/${org.id}/logo`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({
      uploadId: expect.stringMatching(/^upl_/),
      maxBytes: 204800,
      uploadUrl: `${local().s3.endpoint}/${local().s3.logoBucket}`,
    });
    const png = pngOf(120, 40);
    expect((await upload(form.body, png, 'image/png', 'logo.png')).status).toBe(204);
    const confirmed = await api.post(`/v1/orgs/${org.id}/logo/confirm`, { uploadId: form.body.uploadId });
    expect(confirmed.status).toBe(200);
    const logoUrl: string = confirmed.body.branding.logoUrl;
    expect(logoUrl).toMatch(new RegExp(`^${local().apiUrl}/v1/portal/${org.portalName}/logo\\?v=[0-9a-f]{16}$`));

    const served = await fetch(logoUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    expect((await api.get(`/v1/portal/${org.portalName}`)).body.organization.branding.logoUrl).toBe(logoUrl);

    const { contact, person } = await customer(api, org);
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    const [mail] = await waitForMails(person.email, 1, 10_000, (each) => each.subject.startsWith('Invoice'));
    expect(mail!.body.html).toContain(`<img src="${logoUrl.replace('&', '&amp;')}" alt="Acme Supplies"`);
    const pdf = await download(`/v1/orgs/${org.id}/invoices/${invoice.id}/pdf`, token);
    expect(pdf.bytes.toString('latin1')).toContain('/Subtype /Image');
  });

  it('refuses a GIF renamed .png, text, and a file over 200 KB', async () => {
    const { org, api } = await newOrganization();
    const attempt = async (file: Buffer, contentType: string, name: string) => {
      const form = (await api.post(`/v1/orgs/${org.id}/logo`)).body;
      const uploaded = await upload(form, file, contentType, name);
      const confirmed = await api.post(`/v1/orgs/${org.id}/logo/confirm`, { uploadId: form.uploadId });
      return { uploaded, confirmed };
    };
    const gif = await attempt(gifBytes(), 'image/png', 'logo.png');
    expect(gif.uploaded.status).toBe(204);
    expect(gif.confirmed.status).toBe(422);
    expect(gif.confirmed.body.error).toMatchObject({ code: 'INVALID_LOGO', message: 'The file is a GIF; upload a PNG or JPEG.' });

    const text = await attempt(Buffer.from('not an image at all'), 'image/png', 'logo.png');
    expect(text.confirmed.status).toBe(422);
    expect(text.confirmed.body.error).toMatchObject({ code: 'INVALID_LOGO', message: 'The file is not a PNG or JPEG image.' });
    // The policy takes images only: text/plain is refused by the bucket itself.
    expect((await attempt(Buffer.from('plain text'), 'text/plain', 'logo.txt')).uploaded.status).toBe(403);

    const large = pngOf(300, 300, 'noise');
    expect(large.length).toBeGreaterThan(204800);
    const tooLarge = await attempt(large, 'image/png', 'logo.png');
    expect(tooLarge.uploaded).toMatchObject({ status: 400, text: expect.stringContaining('EntityTooLarge') });
    expect(tooLarge.confirmed.status).toBe(404);

    // Nothing changed: no logo, and a URL of one is refused.
    expect((await api.get(`/v1/orgs/${org.id}`)).body.branding.logoUrl).toBeNull();
    const retired = await api.patch(`/v1/orgs/${org.id}`, { branding: { logoUrl: 'https://cdn.example.com/logo.png' } });
    expect(retired.status).toBe(400);
    expect((await fetch(`${local().apiUrl}/v1/portal/${org.portalName}/logo`)).status).toBe(404);
  });
});

describe('the brand colour', () => {
  it('applies where white text on it is readable, and falls back where it is not', async () => {
    const { org, api } = await newOrganization();
    const yellow = await api.patch(`/v1/orgs/${org.id}`, { branding: { color: '#FFFF00' } });
    expect(yellow.body.branding).toEqual({ color: '#FFFF00', appliedColor: '#1d4ed8', logoUrl: null });
    const { contact, person } = await customer(api, org);
    await sentDocument(api, org.id, 'invoices', contact.id);
    const [first] = await waitForMails(person.email, 1, 10_000, (mail) => mail.subject.startsWith('Invoice'));
    expect(first!.body.html).toContain('background-color:#1d4ed8;');
    expect(first!.body.html).not.toContain('#FFFF00');

    const green = await api.patch(`/v1/orgs/${org.id}`, { branding: { color: '#0B6E4F' } });
    expect(green.body.branding.appliedColor).toBe('#0b6e4f');
    await sentDocument(api, org.id, 'invoices', contact.id);
    const mails = await waitForMails(person.email, 2, 10_000, (mail) => mail.subject.startsWith('Invoice'));
    expect(mails[1]!.body.html).toContain('background-color:#0b6e4f;');
  });
});
