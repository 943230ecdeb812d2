import { beforeAll, describe, expect, it } from 'vitest';
import { newOutboxEvent } from '../../functions/core/outbox/repository.ts';
import { receivablesEffects } from '../../functions/core/receivables/effects.ts';
import { newContact } from '../support/contacts.ts';
import { sentDocument } from '../support/documents.ts';
import { asStripeFunction, invoiceWithCheckout, paidAs } from '../support/online-payments.ts';
import { effectRun, emit } from '../support/outbox.ts';
import { type LedgerRow, ledgerRows, settledAging, sumBy } from '../support/receivables.ts';
import { newOrganization } from '../support/staff.ts';
import { control } from '../support/stripe.ts';
import { waitFor } from '../support/wait.ts';

beforeAll(asStripeFunction);

const plain = (unitPrice: number, overrides: Record<string, unknown> = {}) => ({ lines: [{ description: 'Work', quantity: 1, unitPrice }], ...overrides });
const byId = (a: { documentId: string }, b: { documentId: string }) => (a.documentId < b.documentId ? -1 : 1);

describe('the receivables ledger', () => {
  it('sums to the aging total and to the statements, today and as of a past date, with part payments, credit, a refund, a credit note and a void', async () => {
    const setup = await invoiceWithCheckout();
    const { api, org, contact } = setup;
    const orgPath = `/v1/orgs/${org.id}`;
    // Paid online in full, then a quarter refunded: 2,500 open again.
    await control('POST', `/checkout/sessions/${setup.checkout.sessionId}/pay`, { method: 'card' });
    const payment = (await paidAs(api, setup.path)).payments[0];
    expect((await api.post(`${orgPath}/payments/${payment.id}/refunds`, { amount: 2_500 })).status).toBe(202);
    await paidAs(api, setup.path, 'partially_paid');

    const partlyPaid = await sentDocument(api, org.id, 'invoices', contact.id, plain(50_000, { issueDate: '2026-01-10', dueDate: '2026-02-09' }));
    expect((await api.post(`${orgPath}/invoices/${partlyPaid.id}/payments`, { amount: 20_000, date: '2026-03-01' })).status).toBe(201);
    const retainer = await sentDocument(api, org.id, 'retainer-invoices', contact.id, plain(40_000, { issueDate: '2026-02-01' }));
    expect((await api.post(`${orgPath}/retainer-invoices/${retainer.id}/payments`, { amount: 40_000, date: '2026-02-05' })).status).toBe(201);
    const credited = await sentDocument(api, org.id, 'invoices', contact.id, plain(30_000, { issueDate: '2026-03-01', dueDate: '2026-03-31' }));
    expect((await api.post(`${orgPath}/invoices/${credited.id}/credits`, { amount: 15_000, date: '2026-04-01' })).status).toBe(201);
    // A credit note against an invoice lowers what the invoice leaves open, and is no open item of its own.
    const corrected = await sentDocument(api, org.id, 'invoices', contact.id, plain(12_000, { issueDate: '2026-04-10', dueDate: '2026-05-10' }));
    const creditNote = await sentDocument(api, org.id, 'credit-notes', contact.id, plain(5_000, { issueDate: '2026-04-20', invoiceId: corrected.id }));
    expect(creditNote.allocation).toEqual({ applied: 5_000, credited: 0 });
    const voided = await sentDocument(api, org.id, 'invoices', contact.id, plain(99_900, { issueDate: '2026-02-02' }));
    expect((await api.post(`${orgPath}/invoices/${voided.id}/void`)).status).toBe(200);
    const dollars = await sentDocument(api, org.id, 'invoices', contact.id, plain(59_500, { currency: 'USD', issueDate: '2026-05-01' }));
    const other = await newContact(api, org.id);
    const otherInvoice = await sentDocument(api, org.id, 'invoices', other.id, plain(7_000, { issueDate: '2026-06-01', dueDate: '2026-06-15' }));

    // Today: what is open now; the aging report (from the aggregates) agrees once the lane has caught up.
    const { aging, rows } = await settledAging(api, org.id);
    expect(rows.map((row) => [row.documentId, row.currency, row.balance]).sort()).toEqual(
      [
        [setup.invoice.id, 'EUR', 2_500],
        [partlyPaid.id, 'EUR', 30_000],
        [credited.id, 'EUR', 15_000],
        [corrected.id, 'EUR', 7_000],
        [dollars.id, 'USD', 59_500],
        [otherInvoice.id, 'EUR', 7_000],
      ].sort(),
    );
    expect(aging.totals.map((row) => [row.currency, row.total])).toEqual([
      ['EUR', 61_500],
      ['USD', 59_500],
    ]);
    expect(Object.fromEntries(aging.contacts.map((row) => [`${row.contactId} ${row.currency}`, row.total]))).toEqual(
      sumBy(rows, (row) => `${row.contactId} ${row.currency}`),
    );
    // Each contact's statement to today closes at its rows' sum, in each currency.
    const closing = async (contactId: string, currency: string, to?: string) =>
      (await api.get(`${orgPath}/contacts/${contactId}/statement?from=2000-01-01&currency=${currency}${to ? `&to=${to}` : ''}`)).body.closingBalance;
    expect({
      [`${contact.id} EUR`]: await closing(contact.id, 'EUR'),
      [`${contact.id} USD`]: await closing(contact.id, 'USD'),
      [`${other.id} EUR`]: await closing(other.id, 'EUR'),
    }).toEqual(sumBy(rows, (row) => `${row.contactId} ${row.currency}`));

    // As of a past date: from the documents and their movements by date.
    const asOf = '2026-03-15';
    const past = await ledgerRows(api, org.id, asOf, 1);
    const expected: LedgerRow[] = [
      {
        contactId: contact.id,
        documentId: partlyPaid.id,
        documentKind: 'invoice',
        number: partlyPaid.number,
        currency: 'EUR',
        issueDate: '2026-01-10',
        dueDate: '2026-02-09',
        daysPastDue: 34,
        bucket: 'days31to60',
        total: 50_000,
        paid: 20_000,
        balance: 30_000,
      },
      {
        contactId: contact.id,
        documentId: credited.id,
        documentKind: 'invoice',
        number: credited.number,
        currency: 'EUR',
        issueDate: '2026-03-01',
        dueDate: '2026-03-31',
        daysPastDue: -16,
        bucket: 'current',
        total: 30_000,
        paid: 0,
        balance: 30_000,
      },
    ].sort(byId);
    expect(past).toEqual(expected);
    const pastAging = await api.get(`${orgPath}/reports/receivables-aging?asOf=${asOf}`);
    expect(pastAging.body.totals).toEqual([
      { currency: 'EUR', current: 30_000, days1to30: 0, days31to60: 30_000, days61to90: 0, days90plus: 0, total: 60_000 },
    ]);
    expect(await closing(contact.id, 'EUR', asOf)).toBe(60_000);

    const csv = await api.get(`${orgPath}/reports/receivables-ledger?asOf=${asOf}`, { headers: { accept: 'text/csv' } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="receivables-ledger-${asOf}.csv"`);
    expect(csv.body).toBe(
      [
        'contactId,documentId,documentKind,number,currency,issueDate,dueDate,daysPastDue,bucket,total,paid,balance',
        ...expected.map((row) => Object.values(row).join(',')),
        '',
      ].join('\r\n'),
    );

    // Scoped: a cursor for one date is not one for another; another organization's staff see nothing of it.
    const firstPage = await api.get(`${orgPath}/reports/receivables-ledger?asOf=${asOf}&limit=1`);
    const wrongDate = await api.get(`${orgPath}/reports/receivables-ledger?asOf=2026-03-16&cursor=${firstPage.body.nextCursor}`);
    expect(wrongDate.status).toBe(400);
    expect(wrongDate.body.error.code).toBe('INVALID_CURSOR');
    const stranger = await newOrganization();
    expect((await stranger.api.get(`${orgPath}/reports/receivables-ledger`)).status).toBe(404);
    expect((await stranger.api.get(`/v1/orgs/${stranger.org.id}/reports/receivables-ledger`)).body).toEqual({
      asOf: expect.any(String),
      items: [],
      nextCursor: null,
    });
    expect((await stranger.api.get(`/v1/orgs/${stranger.org.id}/reports/receivables-aging`)).body).toMatchObject({ contacts: [], totals: [] });
  });
});

describe('the receivables aggregates', () => {
  it('keep each document at its newest change, however often and in whatever order its events are delivered', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const change = { docId: 'doc_seeded', contactId: contact.id, currency: 'EUR' };
    const opened = newOutboxEvent(
      org.id,
      'receivable.changed',
      { type: 'system', id: 'outbox' },
      { ...change, version: 2, before: null, after: { dueDate: '2026-01-15', balance: 1_234 } },
    );
    await emit(opened);
    await waitFor(
      () => 'the receivables effect to run',
      async () => ((await effectRun(opened, 'receivables'))?.status === 'done' ? true : undefined),
      20_000,
    );
    const aging = async () => (await api.get(`/v1/orgs/${org.id}/reports/receivables-aging?asOf=2199-12-31`)).body;
    const once = {
      asOf: '2199-12-31',
      contacts: [{ contactId: contact.id, currency: 'EUR', current: 0, days1to30: 0, days31to60: 0, days61to90: 0, days90plus: 1_234, total: 1_234 }],
      totals: [{ currency: 'EUR', current: 0, days1to30: 0, days31to60: 0, days61to90: 0, days90plus: 1_234, total: 1_234 }],
    };
    expect(await aging()).toEqual(once);
    // A redelivery that got past the run marker (a run that died after its commit) adds nothing.
    await receivablesEffects['receivable.changed'](opened);
    await receivablesEffects['receivable.changed'](opened);
    expect(await aging()).toEqual(once);

    // Paid: taken off again, and the report is empty.
    const settled = newOutboxEvent(
      org.id,
      'receivable.changed',
      { type: 'system', id: 'outbox' },
      { ...change, version: 3, before: { dueDate: '2026-01-15', balance: 1_234 }, after: null },
    );
    await emit(settled);
    await waitFor(
      () => 'the second change to be added',
      async () => ((await effectRun(settled, 'receivables'))?.status === 'done' ? true : undefined),
      20_000,
    );
    expect(await aging()).toEqual({ asOf: '2199-12-31', contacts: [], totals: [] });
    // The opening event arriving again after the newer one: the document's share is already at a newer version.
    await receivablesEffects['receivable.changed'](opened);
    expect(await aging()).toEqual({ asOf: '2199-12-31', contacts: [], totals: [] });
  });
});
