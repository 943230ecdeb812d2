import { describe, expect, it } from 'vitest';
import { newContact } from '../support/contacts.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { newOrganization } from '../support/staff.ts';

const plain = (unitPrice: number, overrides: Record<string, unknown> = {}) => ({ lines: [{ description: 'Work', quantity: 1, unitPrice }], ...overrides });

type Line = { reference: string; documentId?: string; balance: number };

describe('statement currencies', () => {
  it("lists every currency the contact has activity in and answers the organization's, or the first with activity, unless asked", async () => {
    const { org, api, contact, base, person } = await portalSetup();
    const usd = await sentDocument(api, org.id, 'invoices', contact.id, plain(59500, { currency: 'USD', issueDate: '2026-04-01' }));
    const eur = await sentDocument(api, org.id, 'invoices', contact.id, plain(10000, { issueDate: '2026-04-02' }));
    const period = 'from=2026-04-01&to=2026-04-30';

    const statement = await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/statement?${period}`);
    expect(statement.status).toBe(200);
    expect(statement.body).toMatchObject({ currency: 'EUR', currencies: ['EUR', 'USD'], closingBalance: 10000 });
    expect(statement.body.lines).toEqual([
      { date: '2026-04-02', type: 'invoice', reference: eur.number, documentId: eur.id, documentKind: 'invoice', debit: 10000, credit: 0, balance: 10000 },
    ]);
    const dollars = await person.get(`${base}/statement?${period}&currency=USD`);
    expect(dollars.body).toMatchObject({ currency: 'USD', currencies: ['EUR', 'USD'], closingBalance: 59500, aging: { currency: 'USD', total: 59500 } });
    expect(dollars.body.lines.map((line: Line) => [line.reference, line.documentId])).toEqual([[usd.number, usd.id]]);

    // A contact with dollars only gets its dollars by default, not an empty statement in euros.
    const other = await newContact(api, org.id);
    await sentDocument(api, org.id, 'invoices', other.id, plain(59500, { currency: 'USD', issueDate: '2026-04-01' }));
    const only = await api.get(`/v1/orgs/${org.id}/contacts/${other.id}/statement?${period}`);
    expect(only.body).toMatchObject({ currency: 'USD', currencies: ['USD'], closingBalance: 59500 });
    const none = await api.get(`/v1/orgs/${org.id}/contacts/${(await newContact(api, org.id)).id}/statement?${period}`);
    expect(none.body).toMatchObject({ currency: 'EUR', currencies: [], lines: [], closingBalance: 0, nextCursor: null });
  });
});

describe('statement pages', () => {
  it('pages the lines in one stable order, brings each page its balance, and takes a cursor only for its own statement', async () => {
    const { org, api, contact, base, person } = await portalSetup();
    const invoices = [];
    for (const amount of [1000, 2000, 3000, 4000])
      invoices.push(await sentDocument(api, org.id, 'invoices', contact.id, plain(amount, { issueDate: '2026-05-01' })));
    await sentDocument(api, org.id, 'invoices', contact.id, plain(500, { issueDate: '2026-04-01' }));
    for (const invoice of invoices.slice(0, 3)) {
      expect((await api.post(`/v1/orgs/${org.id}/invoices/${invoice.id}/payments`, { amount: 100, date: '2026-05-01' })).status).toBe(201);
    }
    const path = `/v1/orgs/${org.id}/contacts/${contact.id}/statement`;
    const period = 'from=2026-05-01&to=2026-05-31';
    const whole = await api.get(`${path}?${period}`);
    expect(whole.body.lines.map((line: Line) => [line.documentId, line.balance])).toEqual([
      // Same day: the invoices as they were sent, then the payments as they were recorded.
      [invoices[0]!.id, 1500],
      [invoices[1]!.id, 3500],
      [invoices[2]!.id, 6500],
      [invoices[3]!.id, 10500],
      [invoices[0]!.id, 10400],
      [invoices[1]!.id, 10300],
      [invoices[2]!.id, 10200],
    ]);
    expect(whole.body).toMatchObject({ openingBalance: 500, broughtForward: 500, closingBalance: 10200, nextCursor: null });

    const pages = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: any } = await person.get(`${base}/statement?${period}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      pages.push(page.body);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(pages.map((page) => page.lines.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((page) => page.lines)).toEqual(whole.body.lines);
    expect(pages.map((page) => page.broughtForward)).toEqual([500, 6500, 10300]);
    for (const page of pages) expect(page).toMatchObject({ openingBalance: 500, totals: whole.body.totals, closingBalance: 10200 });

    const second = pages[0]!.nextCursor;
    expect((await api.get(`${path}?${period}&limit=3&cursor=${second}`)).body.lines).toEqual(pages[1]!.lines);
    const otherPeriod = await api.get(`${path}?from=2026-05-02&to=2026-05-31&cursor=${second}`);
    expect(otherPeriod.status).toBe(400);
    expect(otherPeriod.body.error.code).toBe('INVALID_CURSOR');
    expect((await api.get(`${path}?${period}&limit=201`)).status).toBe(400);
    expect((await api.get(`${path}?${period}&limit=0`)).status).toBe(400);

    // Another organization's staff finds no such contact.
    const stranger = await newOrganization();
    expect((await stranger.api.get(`/v1/orgs/${stranger.org.id}/contacts/${contact.id}/statement`)).status).toBe(404);
    expect((await stranger.api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/statement`)).status).toBe(404);
  });
});
