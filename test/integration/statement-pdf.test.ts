import { describe, expect, it } from 'vitest';
import { download } from '../support/api.ts';
import { newContact } from '../support/contacts.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { pdfText } from '../support/pdf-text.ts';
import { newOrganization } from '../support/staff.ts';

const plain = (unitPrice: number, overrides: Record<string, unknown> = {}) => ({ lines: [{ description: 'Work', quantity: 1, unitPrice }], ...overrides });
const asPdf = { accept: 'application/pdf' };
const period = 'from=2026-04-01&to=2026-04-30';
/** The PDF's text with Intl's no-break spaces (`50,00 €`) as plain ones. */
const textOf = (pdf: Buffer) => pdfText(pdf).replace(/\u00a0/g, ' ');

describe('the statement as a PDF', () => {
  it("answers staff the whole period in the contact's language: its numbers, running and closing balances and aging", async () => {
    const { org, api, token, contact } = await portalSetup();
    await api.patch(`/v1/orgs/${org.id}/contacts/${contact.id}`, { language: 'de' });
    const before = await sentDocument(api, org.id, 'invoices', contact.id, plain(5000, { issueDate: '2026-03-15' }));
    const first = await sentDocument(api, org.id, 'invoices', contact.id, plain(123456, { issueDate: '2026-04-02' }));
    const second = await sentDocument(api, org.id, 'invoices', contact.id, plain(20000, { issueDate: '2026-04-03' }));
    expect((await api.post(`/v1/orgs/${org.id}/invoices/${first.id}/payments`, { amount: 23456, date: '2026-04-10' })).status).toBe(201);
    const path = `/v1/orgs/${org.id}/contacts/${contact.id}/statement`;

    // `limit` pages the JSON; the PDF holds every line of the period whatever it says.
    const pdf = await download(`${path}?${period}&limit=1`, token, asPdf);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe('inline; filename="statement-EUR-2026-04-01-2026-04-30.pdf"');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = textOf(pdf.bytes);
    for (const expected of [
      'KONTOAUSZUG',
      'Zeitraum: 1. April 2026 – 30. April 2026',
      'Währung: EUR',
      'Anfangssaldo: 50,00 €',
      `2. April 2026\n${first.number}\nRechnung\n1.234,56 €\n1.284,56 €`,
      `3. April 2026\n${second.number}\nRechnung\n200,00 €\n1.484,56 €`,
      `10. April 2026\n${first.number}\nZahlung\n234,56 €\n1.250,00 €`,
      'Endsaldo\n1.250,00 €',
      'Fälligkeit der offenen Posten',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(before.number);
    const json = await api.get(`${path}?${period}`);
    expect(json.body).toMatchObject({ openingBalance: 5000, closingBalance: 125000, aging: { days1to30: 120000, days31to60: 5000 } });
  });

  it('answers the portal person their own contact only, in their language; other contacts and tenants get nothing', async () => {
    const { org, api, contact, base, tokens } = await portalSetup();
    await api.patch(`/v1/orgs/${org.id}/contacts/${contact.id}/persons/${contact.persons[0]!.id}`, { language: 'fr' });
    const own = await sentDocument(api, org.id, 'invoices', contact.id, plain(45000, { issueDate: '2026-04-05' }));
    const neighbour = await newContact(api, org.id, 0, { name: 'Initech' });
    const theirs = await sentDocument(api, org.id, 'invoices', neighbour.id, plain(99900, { issueDate: '2026-04-05' }));

    const pdf = await download(`${base}/statement?${period}`, tokens[0]!, asPdf);
    expect(pdf.status).toBe(200);
    const text = textOf(pdf.bytes);
    expect(text).toContain('RELEVÉ DE COMPTE');
    expect(text).toContain(own.number);
    expect(text).toContain('Globex Corporation');
    expect(text).not.toContain(theirs.number);
    expect(text).not.toContain('Initech');
    expect(text).not.toContain('999,00');

    // Another organization's staff and portal reach nothing of this contact.
    const stranger = await newOrganization();
    expect((await download(`/v1/orgs/${org.id}/contacts/${contact.id}/statement?${period}`, stranger.token, asPdf)).status).toBe(404);
    expect((await download(`/v1/orgs/${stranger.org.id}/contacts/${contact.id}/statement?${period}`, stranger.token, asPdf)).status).toBe(404);
    expect((await download(`/v1/portal/${stranger.org.portalName}/statement?${period}`, tokens[0]!, asPdf)).status).toBe(401);
  });

  it('refuses a period that ends before it starts, as the JSON does', async () => {
    const { org, token, contact } = await portalSetup();
    const response = await download(`/v1/orgs/${org.id}/contacts/${contact.id}/statement?from=2026-05-01&to=2026-04-30`, token, asPdf);
    expect(response.status).toBe(422);
    expect(JSON.parse(response.bytes.toString('utf8')).error.code).toBe('INVALID_RANGE');
  });
});
