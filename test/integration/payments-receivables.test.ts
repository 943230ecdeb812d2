import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newContact } from '../support/contacts.ts';
import { makeDocument, portalSetup, sentDocument } from '../support/documents.ts';
import { waitForMails } from '../support/mailbox.ts';
import { newOrganization } from '../support/staff.ts';

const line = (unitPrice: number) => ({ lines: [{ description: 'Work', quantity: 1, unitPrice }] });
const ofDocument = (document: { id: string; kind: string }) => ({ documentId: document.id, documentKind: document.kind });

describe('offline payments', () => {
  it('moves an invoice to partially paid and paid, refuses over-payment, and records activity', async () => {
    const { org, api, contact } = await portalSetup();
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id, line(10000));
    const path = `/v1/orgs/${org.id}/invoices/${invoice.id}`;
    const first = await api.post(`${path}/payments`, { amount: 4000, date: '2026-02-01', method: 'bank_transfer', reference: 'TX-1' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.stringMatching(/^pay_/),
      docId: invoice.id,
      contactId: contact.id,
      documentNumber: 'INV-000001',
      currency: 'EUR',
      amount: 4000,
      date: '2026-02-01',
      method: 'bank_transfer',
      reference: 'TX-1',
      createdAt: expect.any(String),
    });
    expect((await api.get(path)).body).toMatchObject({ status: 'partially_paid', amountPaid: 4000, balance: 6000, payments: [first.body] });
    const receipts = await waitForMails(contact.persons[0]!.email, 1, 10_000, (mail) => mail.subject.includes('Payment'));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.body.text).toContain('EUR 40.00');
    expect(receipts[0]!.body.text).toContain('1 February 2026');
    expect(receipts[0]!.body.text).toContain('EUR 60.00');

    const over = await api.post(`${path}/payments`, { amount: 6001 });
    expect(over.status).toBe(422);
    expect(over.body.error).toMatchObject({ code: 'OVERPAYMENT', details: { balance: 6000 } });
    expect((await api.post(`${path}/payments`, { amount: 1, date: '2199-01-01' })).status).toBe(422);

    const rest = await api.post(`${path}/payments`, { amount: 6000, method: 'cash' });
    expect(rest.status).toBe(201);
    expect((await api.get(path)).body).toMatchObject({ status: 'paid', amountPaid: 10000, balance: 0 });
    expect((await api.post(`${path}/payments`, { amount: 1 })).body.error.code).toBe('INVALID_STATUS_TRANSITION');
    expect((await api.post(`${path}/void`)).status).toBe(409);
    const trail = await api.get(`${path}/activity`);
    expect(trail.body.items.map((entry: { action: string }) => entry.action)).toEqual(['created', 'sent', 'paid', 'paid']);
    expect(trail.body.items[3].details).toMatchObject({ amount: 6000, balance: 0, status: 'paid' });
  });

  it('never lets concurrent payments together exceed the balance, and replays a retried payment', async () => {
    const { org, api, contact } = await portalSetup();
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id, line(10000));
    const path = `/v1/orgs/${org.id}/invoices/${invoice.id}`;
    const results = await Promise.all(Array.from({ length: 6 }, () => api.post(`${path}/payments`, { amount: 4000 })));
    const accepted = results.filter((result) => result.status === 201).length;
    for (const result of results) expect([201, 409, 422]).toContain(result.status);
    expect(accepted).toBeLessThanOrEqual(2);
    const after = (await api.get(path)).body;
    expect(after.amountPaid).toBe(4000 * accepted);
    expect(after.payments).toHaveLength(accepted);

    const key = randomUUID();
    const once = await api.post(`${path}/payments`, { amount: 1000 }, { headers: { 'idempotency-key': key } });
    const twice = await api.post(`${path}/payments`, { amount: 1000 }, { headers: { 'idempotency-key': key } });
    expect(twice.status).toBe(201);
    expect(twice.body).toEqual(once.body);
    expect((await api.get(path)).body.amountPaid).toBe(4000 * accepted + 1000);
  });

  it('refuses payments on drafts and estimates', async () => {
    const { org, api, contact } = await portalSetup();
    const draft = await makeDocument(api, org.id, 'invoices', contact.id);
    expect((await api.post(`/v1/orgs/${org.id}/invoices/${draft.id}/payments`, { amount: 1 })).status).toBe(409);
    const estimate = await sentDocument(api, org.id, 'estimates', contact.id);
    expect((await api.post(`/v1/orgs/${org.id}/estimates/${estimate.id}/payments`, { amount: 1 })).status).toBe(422);
  });
});

describe('retainer credit and receivables', () => {
  it('ages receivables and builds the statement with the same numbers for staff and portal', async () => {
    const { org, api, contact, base, person } = await portalSetup();
    const d = await newContact(api, org.id);
    const send = (kind: 'invoices' | 'retainer-invoices', contactId: string, issueDate: string, dueDate: string, amount: number) =>
      sentDocument(api, org.id, kind, contactId, { issueDate, dueDate, ...line(amount) });

    const inv1 = await send('invoices', contact.id, '2026-01-05', '2026-01-20', 100000);
    const ret1 = await send('retainer-invoices', contact.id, '2026-03-01', '2026-03-01', 40000);
    const inv2 = await send('invoices', contact.id, '2026-05-01', '2026-05-15', 50000);
    const inv3 = await send('invoices', contact.id, '2026-06-01', '2026-06-20', 20000);
    const inv4 = await send('invoices', contact.id, '2026-06-25', '2026-07-25', 10000);
    const voided = await send('invoices', contact.id, '2026-06-26', '2026-07-26', 99900);
    await send('invoices', d.id, '2026-04-01', '2026-04-10', 5000);
    expect((await api.post(`/v1/orgs/${org.id}/invoices/${voided.id}/void`)).body.status).toBe('void');

    await api.post(`/v1/orgs/${org.id}/invoices/${inv1.id}/payments`, { amount: 30000, date: '2026-02-01' });
    await api.post(`/v1/orgs/${org.id}/retainer-invoices/${ret1.id}/payments`, { amount: 40000, date: '2026-03-05' });
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/credits`)).body.items).toEqual([
      { contactId: contact.id, currency: 'EUR', available: 40000, owed: 0 },
    ]);
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/credits/EUR/entries`)).body).toEqual({
      items: [
        {
          id: expect.any(String),
          kind: 'retainer',
          amount: 40000,
          date: '2026-03-05',
          at: expect.any(String),
          docId: ret1.id,
          documentNumber: ret1.number,
          source: { type: 'payment', id: expect.any(String) },
        },
      ],
      nextCursor: null,
    });

    const tooMuch = await api.post(`/v1/orgs/${org.id}/invoices/${inv2.id}/credits`, { amount: 40001 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.code).toBe('INSUFFICIENT_CREDIT');
    const applied = await api.post(`/v1/orgs/${org.id}/invoices/${inv2.id}/credits`, { amount: 15000, date: '2026-05-20' });
    expect(applied.status).toBe(201);
    expect(applied.body.invoice).toMatchObject({ status: 'overdue', amountPaid: 15000, creditsApplied: 15000, balance: 35000 });
    expect(applied.body.payment).toMatchObject({ method: 'credit', amount: 15000, date: '2026-05-20' });
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/credits`)).body.items[0].available).toBe(25000);
    expect((await api.post(`/v1/orgs/${org.id}/invoices/${inv2.id}/credits`, { amount: 25001 })).body.error.code).toBe('INSUFFICIENT_CREDIT');

    const entries = `/v1/orgs/${org.id}/contacts/${contact.id}/credits/EUR/entries`;
    const first = await api.get(`${entries}?limit=1`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((entry: { kind: string; amount: number; date: string }) => [entry.kind, entry.amount, entry.date])).toEqual([
      ['retainer', 40000, '2026-03-05'],
    ]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api.get(`${entries}?limit=1&cursor=${first.body.nextCursor}`);
    expect(
      second.body.items.map((entry: { kind: string; amount: number; date: string; docId: string }) => [entry.kind, entry.amount, entry.date, entry.docId]),
    ).toEqual([['applied', -15000, '2026-05-20', inv2.id]]);
    const rest = await api.get(`${entries}?limit=1&cursor=${second.body.nextCursor}`);
    expect(rest.body).toEqual({ items: [], nextCursor: null });

    // The cursor is only good for the list it came from; the contact is looked up inside the organization.
    const elsewhere = await api.get(`/v1/orgs/${org.id}/contacts/${d.id}/credits/EUR/entries?cursor=${first.body.nextCursor}`);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.code).toBe('INVALID_CURSOR');
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/credits/USD/entries`)).body).toEqual({ items: [], nextCursor: null });
    const lowercase = await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/credits/eur/entries`);
    expect(lowercase.status).toBe(400);
    expect(lowercase.body.error.code).toBe('VALIDATION_FAILED');
    const other = await newOrganization();
    expect((await other.api.get(`/v1/orgs/${other.org.id}/contacts/${contact.id}/credits/EUR/entries`)).status).toBe(404);

    const aging = await api.get(`/v1/orgs/${org.id}/reports/receivables-aging?asOf=2026-06-30`);
    expect(aging.status).toBe(200);
    const rowC = {
      contactId: contact.id,
      currency: 'EUR',
      current: 10000,
      days1to30: 20000,
      days31to60: 35000,
      days61to90: 0,
      days90plus: 70000,
      total: 135000,
    };
    const rowD = { contactId: d.id, currency: 'EUR', current: 0, days1to30: 0, days31to60: 0, days61to90: 5000, days90plus: 0, total: 5000 };
    expect(aging.body).toEqual({
      asOf: '2026-06-30',
      contacts: [rowC, rowD].sort((a, b) => (a.contactId < b.contactId ? -1 : 1)),
      totals: [{ currency: 'EUR', current: 10000, days1to30: 20000, days31to60: 35000, days61to90: 5000, days90plus: 70000, total: 140000 }],
    });

    const statement = await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/statement?from=2026-02-01&to=2026-06-30`);
    expect(statement.status).toBe(200);
    expect(statement.body).toEqual({
      contact: { id: contact.id, name: contact.name },
      currency: 'EUR',
      currencies: ['EUR'],
      from: '2026-02-01',
      to: '2026-06-30',
      openingBalance: 100000,
      broughtForward: 100000,
      lines: [
        { date: '2026-02-01', type: 'payment', reference: 'INV-000001', ...ofDocument(inv1), debit: 0, credit: 30000, balance: 70000 },
        { date: '2026-03-01', type: 'retainer-invoice', reference: 'RET-000001', ...ofDocument(ret1), debit: 40000, credit: 0, balance: 110000 },
        { date: '2026-03-05', type: 'payment', reference: 'RET-000001', ...ofDocument(ret1), debit: 0, credit: 40000, balance: 70000 },
        { date: '2026-05-01', type: 'invoice', reference: 'INV-000002', ...ofDocument(inv2), debit: 50000, credit: 0, balance: 120000 },
        { date: '2026-05-20', type: 'credit', reference: 'INV-000002', ...ofDocument(inv2), debit: 0, credit: 15000, balance: 105000 },
        { date: '2026-06-01', type: 'invoice', reference: 'INV-000003', ...ofDocument(inv3), debit: 20000, credit: 0, balance: 125000 },
        { date: '2026-06-25', type: 'invoice', reference: 'INV-000004', ...ofDocument(inv4), debit: 10000, credit: 0, balance: 135000 },
      ],
      totals: { debits: 120000, credits: 85000 },
      closingBalance: 135000,
      aging: { currency: 'EUR', current: 10000, days1to30: 20000, days31to60: 35000, days61to90: 0, days90plus: 70000, total: 135000 },
      nextCursor: null,
    });
    const portalStatement = await person.get(`${base}/statement?from=2026-02-01&to=2026-06-30`);
    expect(portalStatement.body).toEqual(statement.body);
  });

  it('gives an empty, scoped statement to a contact without documents', async () => {
    const { base, person, contact, org, api } = await portalSetup();
    const other = await newContact(api, org.id);
    await sentDocument(api, org.id, 'invoices', other.id);
    const statement = await person.get(`${base}/statement?from=2026-01-01&to=2026-01-31`);
    expect(statement.body).toMatchObject({ contact: { id: contact.id }, openingBalance: 0, lines: [], closingBalance: 0, aging: { total: 0 } });
  });
});

describe("the organization's time zone", () => {
  /** The calendar date in a zone now, read with Intl as the test's own clock sees it. */
  const dateIn = (timeZone: string, at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  it("dates payments, overdue, expiry, statements and aging on the organization's today, not UTC's", async () => {
    const now = new Date();
    // Kiritimati (UTC+14) is a day ahead of UTC from 10:00 UTC, Pago Pago (UTC−11) a day behind until 11:00 UTC: each is used away from its own midnight.
    const timeZone = now.getUTCHours() + now.getUTCMinutes() / 60 >= 10.5 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
    const local = dateIn(timeZone, now);
    const utc = now.toISOString().slice(0, 10);
    expect(local).not.toBe(utc);
    const ahead = local > utc;
    const earlier = ahead ? utc : local;

    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    expect((await api.patch(`/v1/orgs/${org.id}`, { timeZone })).body.timeZone).toBe(timeZone);

    // Issued today by default: the local date.
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id, line(10000));
    expect(invoice).toMatchObject({ issueDate: local, dueDate: local, status: 'sent' });
    const path = `/v1/orgs/${org.id}/invoices/${invoice.id}`;
    // A payment dated the local today is accepted (in UTC it would be the future when the zone is ahead); its day after is the future.
    const paid = await api.post(`${path}/payments`, { amount: 1000, date: local });
    expect(paid.status).toBe(201);
    expect(paid.body.date).toBe(local);
    const undated = await api.post(`${path}/payments`, { amount: 1000 });
    expect(undated.body.date).toBe(local);
    const future = await api.post(`${path}/payments`, { amount: 1000, date: dayAfter(local) });
    expect(future.status).toBe(422);
    expect(future.body.error).toMatchObject({ code: 'INVALID_DATE', details: { field: 'date' } });

    // Due, or expiring, on the earlier of the two dates: past in the zone whose today is later.
    const due = await sentDocument(api, org.id, 'invoices', contact.id, { issueDate: earlier, dueDate: earlier, ...line(5000) });
    const estimate = await sentDocument(api, org.id, 'estimates', contact.id, { issueDate: earlier, expiryDate: earlier, ...line(5000) });
    const statusOf = async (kind: string, docId: string) => (await api.get(`/v1/orgs/${org.id}/${kind}/${docId}`)).body.status;
    expect(due.status).toBe(ahead ? 'overdue' : 'sent');
    expect(await statusOf('estimates', estimate.id)).toBe(ahead ? 'expired' : 'sent');
    expect((await api.get(`/v1/orgs/${org.id}/invoices?status=overdue`)).body.items.map((item: { id: string }) => item.id)).toEqual(ahead ? [due.id] : []);

    // Statements end, and aging is taken, on the local today by default.
    const statement = await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/statement`);
    expect(statement.body).toMatchObject({ to: local, from: `${local.slice(0, 8)}01`, closingBalance: 13000 });
    const aging = await api.get(`/v1/orgs/${org.id}/reports/receivables-aging`);
    expect(aging.body.asOf).toBe(local);
    expect(aging.body.totals[0]).toMatchObject({ total: 13000, current: ahead ? 8000 : 13000, days1to30: ahead ? 5000 : 0 });

    // Back in UTC, the same documents are judged on UTC's today.
    expect((await api.patch(`/v1/orgs/${org.id}`, { timeZone: 'UTC' })).status).toBe(200);
    expect(await statusOf('invoices', due.id)).toBe(ahead ? 'sent' : 'overdue');
    expect(await statusOf('estimates', estimate.id)).toBe(ahead ? 'sent' : 'expired');
    expect((await api.get(`/v1/orgs/${org.id}/reports/receivables-aging`)).body.asOf).toBe(utc);
  });
});
