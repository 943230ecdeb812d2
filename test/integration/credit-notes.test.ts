import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { as } from '../support/api.ts';
import { download } from '../support/api.ts';
import { newContact } from '../support/contacts.ts';
import { creditEntries } from '../support/credits.ts';
import { makeDocument, portalSetup, sentDocument } from '../support/documents.ts';
import { waitForMails } from '../support/mailbox.ts';
import { pdfText } from '../support/pdf-text.ts';
import { newOrganization } from '../support/staff.ts';
import { waitFor } from '../support/wait.ts';
import { startReceiver } from '../support/webhook-receiver.ts';

type Api = ReturnType<typeof as>;

const lines = (unitPrice: number) => ({ lines: [{ description: 'Work', quantity: 1, unitPrice }] });

/** A sent invoice of `total` with `paid` of it paid offline. */
async function invoiceOf(api: Api, orgId: string, contactId: string, total: number, paid = 0, overrides: Record<string, unknown> = {}) {
  const invoice = await sentDocument(api, orgId, 'invoices', contactId, { ...lines(total), ...overrides });
  if (paid > 0) expect((await api.post(`/v1/orgs/${orgId}/invoices/${invoice.id}/payments`, { amount: paid })).status).toBe(201);
  return invoice;
}

async function issue(api: Api, orgId: string, creditNoteId: string) {
  return api.post(`/v1/orgs/${orgId}/credit-notes/${creditNoteId}/send`);
}

const credit = async (api: Api, orgId: string, contactId: string) => (await api.get(`/v1/orgs/${orgId}/contacts/${contactId}/credits`)).body.items;

describe('credit notes against an invoice', () => {
  it("lowers a part-paid invoice's balance through its ledger, numbered in their own sequence", async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const invoice = await invoiceOf(api, org.id, contact.id, 10000, 4000);
    const draft = await makeDocument(api, org.id, 'credit-notes', contact.id, { ...lines(2500), invoiceId: invoice.id });
    expect(draft).toMatchObject({
      kind: 'credit-note',
      number: 'CN-000001',
      status: 'draft',
      currency: 'EUR',
      total: 2500,
      invoice: { id: invoice.id, number: 'INV-000001' },
    });
    expect(draft.dueDate).toBeUndefined();

    const issued = await issue(api, org.id, draft.id);
    expect(issued.status).toBe(200);
    // Issued like any sent document: its parties frozen as they are now.
    expect(issued.body).toMatchObject({
      status: 'sent',
      allocation: { applied: 2500, credited: 0 },
      sentAt: expect.any(String),
      seller: expect.objectContaining({ name: org.name }),
      buyer: expect.objectContaining({ name: contact.name }),
    });
    const after = (await api.get(`/v1/orgs/${org.id}/invoices/${invoice.id}`)).body;
    expect(after).toMatchObject({ status: 'partially_paid', amountPaid: 6500, balance: 3500, creditNotesTotal: 2500, creditsApplied: 0 });
    expect(await credit(api, org.id, contact.id)).toEqual([]);
    const trail = (await api.get(`/v1/orgs/${org.id}/invoices/${invoice.id}/activity`)).body.items;
    expect(trail.at(-1)).toMatchObject({
      action: 'credited',
      details: { creditNoteId: draft.id, creditNoteNumber: 'CN-000001', applied: 2500, credited: 0, status: 'partially_paid' },
    });
    expect((await api.get(`/v1/orgs/${org.id}/credit-notes/${draft.id}/activity`)).body.items.map((entry: { action: string }) => entry.action)).toEqual([
      'created',
      'issued',
    ]);

    // Issued once: a second send is refused, the invoice unchanged.
    expect((await issue(api, org.id, draft.id)).body.error).toMatchObject({ code: 'INVALID_STATUS_TRANSITION' });
    // A credit note that lowered its invoice is corrected by a new invoice, not voided.
    expect((await api.post(`/v1/orgs/${org.id}/credit-notes/${draft.id}/void`)).body.error.code).toBe('CREDIT_NOTE_APPLIED');
    // The next invoice keeps its own sequence.
    expect((await makeDocument(api, org.id, 'invoices', contact.id)).number).toBe('INV-000002');
    // Credit notes ask for no money.
    expect((await api.post(`/v1/orgs/${org.id}/credit-notes/${draft.id}/payments`, { amount: 1 })).body.error.code).toBe('ACTION_NOT_ALLOWED');
  });

  it('leaves what exceeds the balance as the contact’s credit, paying the invoice, and never credits beyond what was invoiced', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const invoice = await invoiceOf(api, org.id, contact.id, 10000, 7000);
    const note = await makeDocument(api, org.id, 'credit-notes', contact.id, { ...lines(5000), invoiceId: invoice.id });
    expect((await issue(api, org.id, note.id)).body).toMatchObject({ status: 'sent', allocation: { applied: 3000, credited: 2000 } });
    expect((await api.get(`/v1/orgs/${org.id}/invoices/${invoice.id}`)).body).toMatchObject({ status: 'paid', balance: 0, creditNotesTotal: 5000 });
    expect(await credit(api, org.id, contact.id)).toEqual([{ contactId: contact.id, currency: 'EUR', available: 2000, owed: 0 }]);
    expect(await creditEntries(api, org.id, contact.id, 'EUR')).toEqual([
      expect.objectContaining({ kind: 'credit_note', amount: 2000, source: { type: 'credit_note', id: note.id }, docId: note.id, documentNumber: 'CN-000001' }),
    ]);

    // What was invoiced less what earlier credit notes credited: 5000 left, whether the invoice is paid or not.
    const beyond = await api.post(`/v1/orgs/${org.id}/credit-notes`, { contactId: contact.id, ...lines(5001), invoiceId: invoice.id });
    expect(beyond.status).toBe(422);
    expect(beyond.body.error).toMatchObject({ code: 'CREDIT_EXCEEDS_INVOICE', details: { creditable: 5000 } });
    const rest = await makeDocument(api, org.id, 'credit-notes', contact.id, { ...lines(5000), invoiceId: invoice.id });
    expect((await issue(api, org.id, rest.id)).body.allocation).toEqual({ applied: 0, credited: 5000 });
    expect(await credit(api, org.id, contact.id)).toMatchObject([{ available: 7000 }]);

    // The credit pays the next invoice.
    const next = await invoiceOf(api, org.id, contact.id, 3000);
    const applied = await api.post(`/v1/orgs/${org.id}/invoices/${next.id}/credits`, { amount: 3000 });
    expect(applied.status).toBe(201);
    expect(applied.body.invoice).toMatchObject({ status: 'paid', balance: 0 });
  });

  it('refuses an invoice of another organization (404), another contact or currency (422), and one not sent or void (409)', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const other = await newOrganization();
    const theirs = await invoiceOf(other.api, other.org.id, (await newContact(other.api, other.org.id)).id, 10000);
    const body = (invoiceId: string, extra: Record<string, unknown> = {}) => ({ contactId: contact.id, ...lines(1000), invoiceId, ...extra });

    const foreign = await api.post(`/v1/orgs/${org.id}/credit-notes`, body(theirs.id));
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('NOT_FOUND');
    const draft = await makeDocument(api, org.id, 'credit-notes', contact.id, lines(1000));
    expect((await api.patch(`/v1/orgs/${org.id}/credit-notes/${draft.id}`, { invoiceId: theirs.id })).status).toBe(404);
    const estimate = await sentDocument(api, org.id, 'estimates', contact.id);
    expect((await api.post(`/v1/orgs/${org.id}/credit-notes`, body(estimate.id))).status).toBe(404);

    const someoneElse = await newContact(api, org.id);
    const theirInvoice = await invoiceOf(api, org.id, someoneElse.id, 10000);
    expect((await api.post(`/v1/orgs/${org.id}/credit-notes`, body(theirInvoice.id))).body.error).toMatchObject({
      code: 'INVOICE_MISMATCH',
      details: { field: 'invoiceId' },
    });
    const invoice = await invoiceOf(api, org.id, contact.id, 10000);
    expect((await api.post(`/v1/orgs/${org.id}/credit-notes`, body(invoice.id, { currency: 'USD' }))).body.error.code).toBe('INVOICE_MISMATCH');
    const unsent = await makeDocument(api, org.id, 'invoices', contact.id);
    expect((await api.post(`/v1/orgs/${org.id}/credit-notes`, body(unsent.id))).status).toBe(409);
    expect((await api.post(`/v1/orgs/${org.id}/invoices`, { ...body(invoice.id) })).body.error).toMatchObject({ code: 'FIELD_NOT_APPLICABLE' });

    // Voided between the draft and its issue: refused, nothing moved.
    const doomed = await invoiceOf(api, org.id, contact.id, 10000);
    const note = await makeDocument(api, org.id, 'credit-notes', contact.id, body(doomed.id));
    expect((await api.post(`/v1/orgs/${org.id}/invoices/${doomed.id}/void`)).status).toBe(200);
    expect((await issue(api, org.id, note.id)).status).toBe(409);
    expect((await api.get(`/v1/orgs/${org.id}/credit-notes/${note.id}`)).body.status).toBe('draft');
    expect(await credit(api, org.id, contact.id)).toEqual([]);
  });

  it('never takes an invoice below zero when credit notes are issued at the same time, and issues each once', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const invoice = await invoiceOf(api, org.id, contact.id, 10000, 5000);
    const notes = await Promise.all([1, 2, 3].map(() => makeDocument(api, org.id, 'credit-notes', contact.id, { ...lines(3000), invoiceId: invoice.id })));
    const results = await Promise.all(notes.map((note) => issue(api, org.id, note.id)));
    expect(results.map((result) => result.status)).toEqual([200, 200, 200]);
    const allocations = results.map((result) => result.body.allocation as { applied: number; credited: number });
    expect(allocations.reduce((sum, allocation) => sum + allocation.applied, 0)).toBe(5000);
    expect(allocations.reduce((sum, allocation) => sum + allocation.credited, 0)).toBe(4000);
    expect((await api.get(`/v1/orgs/${org.id}/invoices/${invoice.id}`)).body).toMatchObject({
      status: 'paid',
      amountPaid: 10000,
      balance: 0,
      creditNotesTotal: 9000,
    });
    expect(await credit(api, org.id, contact.id)).toMatchObject([{ available: 4000, owed: 0 }]);

    // Two issues of one credit note: one wins, the other is refused, and its money moved once.
    const twice = await makeDocument(api, org.id, 'credit-notes', contact.id, { ...lines(1000), invoiceId: invoice.id });
    const both = await Promise.all([issue(api, org.id, twice.id), issue(api, org.id, twice.id)]);
    expect(both.map((result) => result.status).sort()).toEqual([200, 409]);
    expect(await credit(api, org.id, contact.id)).toMatchObject([{ available: 5000 }]);
    // The invoice is fully credited now: nothing more.
    const more = await api.post(`/v1/orgs/${org.id}/credit-notes`, { contactId: contact.id, ...lines(1), invoiceId: invoice.id });
    expect(more.body.error).toMatchObject({ code: 'CREDIT_EXCEEDS_INVOICE', details: { creditable: 0 } });
  });
});

describe('standalone credit notes', () => {
  it('become the contact’s credit, and are voided only while that credit is unspent', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const note = await makeDocument(api, org.id, 'credit-notes', contact.id, lines(3000));
    expect((await issue(api, org.id, note.id)).body).toMatchObject({ number: 'CN-000001', allocation: { applied: 0, credited: 3000 } });
    expect(await credit(api, org.id, contact.id)).toEqual([{ contactId: contact.id, currency: 'EUR', available: 3000, owed: 0 }]);
    expect((await api.post(`/v1/orgs/${org.id}/credit-notes/${note.id}/void`)).body).toMatchObject({ status: 'void' });
    expect(await credit(api, org.id, contact.id)).toMatchObject([{ available: 0, owed: 0 }]);
    expect((await creditEntries(api, org.id, contact.id, 'EUR')).map((entry) => [entry.kind, entry.amount])).toEqual([
      ['credit_note', 3000],
      ['credit_note_voided', -3000],
    ]);

    const spent = await makeDocument(api, org.id, 'credit-notes', contact.id, lines(2000));
    await issue(api, org.id, spent.id);
    const invoice = await invoiceOf(api, org.id, contact.id, 5000);
    expect((await api.post(`/v1/orgs/${org.id}/invoices/${invoice.id}/credits`, { amount: 1500 })).status).toBe(201);
    const refused = await api.post(`/v1/orgs/${org.id}/credit-notes/${spent.id}/void`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CREDIT_NOTE_CREDIT_SPENT');
    expect((await api.get(`/v1/orgs/${org.id}/credit-notes/${spent.id}`)).body.status).toBe('sent');
    expect(await credit(api, org.id, contact.id)).toMatchObject([{ available: 500 }]);
    // Nothing to credit is nothing to issue.
    const empty = await makeDocument(api, org.id, 'credit-notes', contact.id, { lines: [{ description: 'Nothing', quantity: 1, unitPrice: 0 }] });
    expect((await issue(api, org.id, empty.id)).body.error.code).toBe('EMPTY_CREDIT_NOTE');
  });
});

describe('credit notes in the portal, statements, aging and webhooks', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  it('are listed and downloadable in the portal, mailed, on the statement and in the aging, and published as credit_note.issued', async () => {
    const { org, api, token, contact, base, person, tokens } = await portalSetup();
    const hook = await api.post(`/v1/orgs/${org.id}/webhooks`, { url: receiver.url(), events: ['credit_note.issued'] });
    expect(hook.status).toBe(201);
    receiver.secrets.push(hook.body.secret);
    const invoice = await invoiceOf(api, org.id, contact.id, 10000, 0, { issueDate: '2026-03-01', dueDate: '2026-03-31' });
    const note = await makeDocument(api, org.id, 'credit-notes', contact.id, { ...lines(4000), invoiceId: invoice.id, issueDate: '2026-03-10' });
    expect((await person.get(`${base}/documents/${note.id}`)).status).toBe(404);
    expect((await issue(api, org.id, note.id)).status).toBe(200);

    const listed = await person.get(`${base}/documents?kind=credit-note`);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: note.id, kind: 'credit-note', number: 'CN-000001', total: 4000, invoice: { id: invoice.id, number: 'INV-000001' } }),
    ]);
    expect((await person.get(`${base}/documents`)).body.items.map((item: { number: string }) => item.number).sort()).toEqual(['CN-000001', 'INV-000001']);
    for (const response of [
      await download(`/v1/orgs/${org.id}/credit-notes/${note.id}/pdf`, token),
      await download(`${base}/documents/${note.id}/pdf`, tokens[0]!),
    ]) {
      expect(response.status).toBe(200);
      const text = pdfText(response.bytes);
      expect(text).toContain('CREDIT NOTE');
      expect(text).toContain('CN-000001');
      expect(text).toContain('Credits invoice: INV-000001');
      expect(text).toContain('Total\n€40.00');
    }
    const mails = await waitForMails(contact.persons[0]!.email, 1, 10_000, (mail) => mail.subject.includes('CN-000001'));
    expect(mails).toHaveLength(1);

    const statement = await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/statement?from=2026-03-01&to=2026-03-31`);
    expect(statement.body).toMatchObject({
      openingBalance: 0,
      lines: [
        { date: '2026-03-01', type: 'invoice', reference: 'INV-000001', debit: 10000, credit: 0, balance: 10000 },
        { date: '2026-03-10', type: 'credit-note', reference: 'CN-000001', debit: 0, credit: 4000, balance: 6000 },
      ],
      closingBalance: 6000,
      aging: { total: 6000, current: 6000 },
    });
    expect((await person.get(`${base}/statement?from=2026-03-01&to=2026-03-31`)).body).toEqual(statement.body);
    const aging = await api.get(`/v1/orgs/${org.id}/reports/receivables-aging?asOf=2026-04-15`);
    expect(aging.body.totals).toEqual([{ currency: 'EUR', current: 0, days1to30: 6000, days31to60: 0, days61to90: 0, days90plus: 0, total: 6000 }]);

    const published = await waitFor(
      () => 'the credit_note.issued delivery',
      async () => receiver.accepted('credit_note.issued').find((entry) => entry.body.orgId === org.id),
      10_000,
    );
    expect(published.verifiedWith.length).toBe(1);
    expect(published.body.data).toEqual({
      creditNote: expect.objectContaining({ id: note.id, kind: 'credit-note', number: 'CN-000001', status: 'sent', total: 4000 }),
      invoice: expect.objectContaining({ id: invoice.id, number: 'INV-000001', status: 'partially_paid', balance: 6000 }),
      amount: 4000,
      applied: 4000,
      credited: 0,
      currency: 'EUR',
    });
  });
});
