import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newContact } from '../support/contacts.ts';
import { documentBody, makeDocument } from '../support/documents.ts';
import { newOrganization } from '../support/staff.ts';

const create = (api: Awaited<ReturnType<typeof newOrganization>>['api'], orgId: string, body: unknown) =>
  api.post(`/v1/orgs/${orgId}/invoices`, body, { headers: { 'idempotency-key': randomUUID() } });

describe('documents too large for one item', () => {
  // The largest document the schema accepts: 200 lines of 2,000 characters, 5,000-character notes and terms.
  const worstLines = Array.from({ length: 200 }, (_, index) => ({ description: `${index}`.padEnd(2000, 'é'), quantity: 1, unitPrice: 100 }));

  it('are refused with 422 DOCUMENT_TOO_LARGE before a number is taken or anything is written', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const refused = await create(api, org.id, documentBody(contact.id, { lines: worstLines, notes: 'n'.repeat(5000), terms: 't'.repeat(5000) }));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'DOCUMENT_TOO_LARGE', details: { maxBytes: 409_600 } });
    expect((await api.get(`/v1/orgs/${org.id}/invoices`)).body.items).toEqual([]);
    expect((await makeDocument(api, org.id, 'invoices', contact.id)).number).toBe('INV-000001');
  });

  it('are refused on edit, leaving the document as it was', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const invoice = await makeDocument(api, org.id, 'invoices', contact.id);
    const refused = await api.patch(`/v1/orgs/${org.id}/invoices/${invoice.id}`, { lines: worstLines });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('DOCUMENT_TOO_LARGE');
    expect((await api.get(`/v1/orgs/${org.id}/invoices/${invoice.id}`)).body.version).toBe(invoice.version);
  });

  it('still takes a large document that fits', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const lines = worstLines.slice(0, 150).map((line) => ({ ...line, description: line.description.slice(0, 1000) }));
    expect((await create(api, org.id, documentBody(contact.id, { lines, notes: 'n'.repeat(5000), terms: 't'.repeat(5000) }))).status).toBe(201);
  });
});
