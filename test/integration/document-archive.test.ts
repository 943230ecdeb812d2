import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { download } from '../support/api.ts';
import { newContact } from '../support/contacts.ts';
import { makeDocument, portalSetup, sentDocument } from '../support/documents.ts';
import { pdfText } from '../support/pdf-text.ts';
import { newOrganization } from '../support/staff.ts';

/** The files of a zip answer, by name. */
function unzipped(bytes: Buffer): Record<string, Buffer> {
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(bytes))).map(([name, content]) => [name, Buffer.from(content)]));
}

/** A whole PDF: its header, its trailer, and the document's number in its text. */
function expectValidPdf(pdf: Buffer | undefined, number: string) {
  expect(pdf?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf?.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
  expect(pdfText(pdf!)).toContain(number);
}

describe('download all documents', () => {
  it("zips one valid PDF per sent document of the contact, for the portal and for staff, and nothing of another contact's", async () => {
    const setup = await portalSetup();
    const { api, org, contact } = setup;
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id, { issueDate: '2026-01-10' });
    const estimate = await sentDocument(api, org.id, 'estimates', contact.id, { issueDate: '2026-02-10' });
    const retainer = await sentDocument(api, org.id, 'retainer-invoices', contact.id, { issueDate: '2026-03-10' });
    await makeDocument(api, org.id, 'invoices', contact.id);
    const other = await newContact(api, org.id);
    const othersInvoice = await sentDocument(api, org.id, 'invoices', other.id);
    const elsewhere = await newOrganization();
    await sentDocument(elsewhere.api, elsewhere.org.id, 'invoices', (await newContact(elsewhere.api, elsewhere.org.id)).id);

    const fromPortal = await download(`${setup.base}/documents/archive`, setup.tokens[0]!);
    expect(fromPortal.status).toBe(200);
    expect(fromPortal.headers.get('content-type')).toBe('application/zip');
    expect(fromPortal.headers.get('content-disposition')).toBe('attachment; filename="documents.zip"');
    expect(fromPortal.headers.get('x-next-cursor')).toBeNull();
    const files = unzipped(fromPortal.bytes);
    const names = [retainer, estimate, invoice].map((document) => `${document.number}.pdf`);
    expect(Object.keys(files).sort()).toEqual([...names, 'manifest.json'].sort());
    for (const document of [invoice, estimate, retainer]) expectValidPdf(files[`${document.number}.pdf`], document.number);
    const manifest = JSON.parse(files['manifest.json']!.toString('utf8'));
    expect(manifest).toMatchObject({ contact: contact.name, complete: true, nextCursor: null });
    expect(manifest.documents.map((entry: { file: string; id: string }) => [entry.file, entry.id])).toEqual([
      [names[0], retainer.id],
      [names[1], estimate.id],
      [names[2], invoice.id],
    ]);

    const fromStaff = await download(`/v1/orgs/${org.id}/contacts/${contact.id}/documents/archive`, setup.token);
    expect(fromStaff.status).toBe(200);
    expect(Object.keys(unzipped(fromStaff.bytes)).sort()).toEqual(Object.keys(files).sort());

    const othersZip = unzipped((await download(`/v1/orgs/${org.id}/contacts/${other.id}/documents/archive`, setup.token)).bytes);
    expect(Object.keys(othersZip).sort()).toEqual([`${othersInvoice.number}.pdf`, 'manifest.json']);
    expectValidPdf(othersZip[`${othersInvoice.number}.pdf`], othersInvoice.number);

    // Another organization's staff cannot name this contact; a forged cursor is refused.
    expect((await download(`/v1/orgs/${elsewhere.org.id}/contacts/${contact.id}/documents/archive`, elsewhere.token)).status).toBe(404);
    expect((await download(`/v1/orgs/${org.id}/contacts/${contact.id}/documents/archive`, elsewhere.token)).status).toBe(404);
    expect((await download(`${setup.base}/documents/archive?cursor=${Buffer.from('{"PK":"x"}').toString('base64url')}`, setup.tokens[0]!)).status).toBe(400);
  });

  it('answers an empty archive, with its manifest, for a contact without sent documents', async () => {
    const setup = await portalSetup();
    const response = await download(`${setup.base}/documents/archive`, setup.tokens[0]!);
    expect(response.status).toBe(200);
    const files = unzipped(response.bytes);
    expect(Object.keys(files)).toEqual(['manifest.json']);
    expect(JSON.parse(files['manifest.json']!.toString('utf8'))).toMatchObject({ documents: [], complete: true });
  });
});
