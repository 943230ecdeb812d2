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

describe('every input that can be wrong answers 4xx', () => {
  it('refuses dates outside 1900–2199 wherever a date enters', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    for (const issueDate of ['0099-12-31', '1899-12-31', '2200-01-01', '9999-01-01']) {
      const refused = await create(api, org.id, documentBody(contact.id, { issueDate }));
      expect(refused.status).toBe(400);
      expect(refused.body.error.details).toEqual([{ path: 'body.issueDate', message: 'Expected a date from 1900-01-01 to 2199-12-31.' }]);
    }
    const invoice = await makeDocument(api, org.id, 'invoices', contact.id, { issueDate: '1900-01-01', dueDate: '2199-12-31' });
    await api.post(`/v1/orgs/${org.id}/invoices/${invoice.id}/send`);
    expect((await api.post(`/v1/orgs/${org.id}/invoices/${invoice.id}/payments`, { amount: 1, date: '0012-03-04' })).status).toBe(400);
    expect((await api.patch(`/v1/orgs/${org.id}/invoices/${invoice.id}`, { dueDate: '0001-01-01' })).status).toBe(400);
    expect((await api.get(`/v1/orgs/${org.id}/reports/receivables-aging?asOf=0050-06-01`)).status).toBe(400);
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/statement?from=0001-01-01`)).status).toBe(400);
    expect((await api.get(`/v1/orgs/${org.id}/reports/receivables-aging`)).status).toBe(200);
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/statement?from=1900-01-01`)).status).toBe(200);
  });

  it('caps money at the largest amount: no payment, total or credit beyond it', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const largest = 999_999_999_999;
    const tooLarge = await create(api, org.id, documentBody(contact.id, { lines: [{ description: 'Too much', quantity: 1, unitPrice: largest + 1 }] }));
    expect(tooLarge.body.error.code).toBe('INVALID_UNIT_PRICE');
    for (const amount of [largest, 1]) {
      const retainer = await makeDocument(api, org.id, 'retainer-invoices', contact.id, {
        lines: [{ description: 'Advance', quantity: 1, unitPrice: amount }],
      });
      await api.post(`/v1/orgs/${org.id}/retainer-invoices/${retainer.id}/send`);
      const paid = await api.post(`/v1/orgs/${org.id}/retainer-invoices/${retainer.id}/payments`, { amount });
      expect(paid.status).toBe(amount === largest ? 201 : 422);
      if (amount === 1) expect(paid.body.error.code).toBe('CREDIT_LIMIT_EXCEEDED');
    }
    const credits = await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/credits`);
    expect(credits.status).toBe(200);
    expect(credits.body.items).toEqual([expect.objectContaining({ contactId: contact.id, currency: 'EUR', available: largest, owed: 0 })]);
    for (const amount of [2 ** 53, 2 ** 60, 1e300]) {
      expect((await api.post(`/v1/orgs/${org.id}/invoices/doc_x/payments`, { amount })).status).toBe(400);
      expect((await api.post(`/v1/orgs/${org.id}/invoices/doc_x/credits`, { amount })).status).toBe(400);
    }
  });

  it('refuses forged cursors with 400 INVALID_CURSOR and bad percent-encoding in a path with 404', async () => {
    const { org, api } = await newOrganization();
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const partition = `ORG#${org.id}#KIND#invoice`;
    const forged = [
      encode({ GSI1PK: partition }),
      encode({ GSI1PK: partition, GSI1SK: '', PK: 'x', SK: 'y' }),
      encode({ GSI1PK: partition, GSI1SK: 1, PK: 'x', SK: 'y' }),
      encode({ GSI1PK: partition, GSI9SK: 'a', PK: 'x', SK: 'y' }),
      encode([partition]),
      encode(null),
      '%%%',
      'x'.repeat(2000),
    ];
    for (const cursor of forged) {
      for (const path of [`/v1/orgs/${org.id}/invoices`, `/v1/orgs/${org.id}/contacts`]) {
        const response = await api.get(`${path}?cursor=${encodeURIComponent(cursor)}`);
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('INVALID_CURSOR');
      }
    }
    for (const path of [`/v1/orgs/${org.id}/invoices/%E0%A4%A`, `/v1/orgs/%/contacts`, '/v1/portal/%zz', '/p/%c3%28/documents']) {
      const response = await api.get(path);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('ROUTE_NOT_FOUND');
    }
  });
});
