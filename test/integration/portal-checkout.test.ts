import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/core/db/keys.ts';
import { as } from '../support/api.ts';
import { newContact } from '../support/contacts.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { connectedOrganization, enableOnlinePayments } from '../support/online-payments.ts';
import { CHOSEN_PASSWORD, signedIn } from '../support/portal.ts';
import { newOrganization } from '../support/staff.ts';
import { control, eventually, platformStripe } from '../support/stripe.ts';
import { getItem, setItemAttributes } from '../support/table.ts';

// Two lines of 50.00 at 19 %: 119.00.
const TOTAL = 11900;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A signed-in portal person whose organization is connected, onboarded and takes online payments; one sent invoice. */
async function payingCustomer(settings: { allowPartial?: boolean; minimumPartial?: number | null } = {}, extraPersons = 0) {
  const setup = await portalSetup(extraPersons);
  const accountId = await connectedOrganization(setup.api, setup.org.id);
  await enableOnlinePayments(setup.api, setup.org.id, settings);
  const invoice = await sentDocument(setup.api, setup.org.id, 'invoices', setup.contact.id);
  const checkout = (docId: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    setup.person.post(`${setup.base}/documents/${docId}/checkout`, body, { headers });
  const checkoutMany = (body: Record<string, unknown>) => setup.person.post(`${setup.base}/checkout`, body);
  return { ...setup, accountId, invoice, checkout, checkoutMany };
}

const stripe = platformStripe();
const sessionAt = (accountId: string, sessionId: string) => stripe.checkout.sessions.retrieve(sessionId, undefined, { stripeAccount: accountId });
const sessionsOf = async (accountId: string) => (await stripe.checkout.sessions.list({ limit: 100 }, { stripeAccount: accountId })).data;
/** A session's status at Stripe once the consumer lane has expired it (or the wait runs out, and the assertion after it fails). */
const expiredAt = async (accountId: string, sessionId: string) => {
  await eventually(async () => (await sessionAt(accountId, sessionId)).status === 'expired', 10_000).catch(() => undefined);
  return (await sessionAt(accountId, sessionId)).status;
};

describe('paying one document online', () => {
  it('opens a session on the connected account for the balance, and stores which document it pays', async () => {
    const { org, accountId, invoice, checkout, contact } = await payingCustomer();
    const response = await checkout(invoice.id);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ url: expect.stringContaining('/c/pay/'), sessionId: expect.stringMatching(/^cs_/) });
    const { sessionId } = response.body;

    const session = await sessionAt(accountId, sessionId);
    expect(session).toMatchObject({ amount_total: TOTAL, currency: 'eur', status: 'open', url: response.body.url, mode: 'payment' });
    expect(session.success_url).toBe(`${org.portalUrl}/payments/return?session_id={CHECKOUT_SESSION_ID}`);
    expect(session.cancel_url).toBe(`${org.portalUrl}/payments/cancel?session_id={CHECKOUT_SESSION_ID}`);
    expect(session.metadata).toEqual({ orgId: org.id, contactId: contact.id, docId: invoice.id });
    const lines = await stripe.checkout.sessions.listLineItems(sessionId, {}, { stripeAccount: accountId });
    expect(lines.data.map((line) => [line.description, line.amount_total])).toEqual([[`Invoice ${invoice.number}`, TOTAL]]);

    expect(await getItem(keys.checkoutSession(org.id, sessionId))).toMatchObject({
      sessionId,
      orgId: org.id,
      accountId,
      contactId: contact.id,
      personId: contact.persons[0]!.id,
      currency: 'EUR',
      allocations: [{ docId: invoice.id, amount: TOTAL }],
      total: TOTAL,
      status: 'open',
      url: response.body.url,
      sessionExpiresAt: session.expires_at,
    });
    expect(await getItem(keys.documentCheckout(org.id, invoice.id, sessionId))).toMatchObject({ sessionId, amount: TOTAL });
  });

  it('hands out the open session again for the same document and amount, and a new one for another amount that expires the older', async () => {
    const { org, accountId, invoice, checkout } = await payingCustomer({ allowPartial: true });
    const first = await checkout(invoice.id);
    const again = await checkout(invoice.id, { amount: TOTAL });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const part = await checkout(invoice.id, { amount: 5000 });
    expect(part.status).toBe(201);
    expect(part.body.sessionId).not.toBe(first.body.sessionId);
    expect((await sessionAt(accountId, part.body.sessionId)).amount_total).toBe(5000);
    expect((await sessionsOf(accountId)).length).toBe(2);
    // The document keeps one open session: the new amount's. The older is expired at Stripe and in its record.
    expect(await expiredAt(accountId, first.body.sessionId)).toBe('expired');
    expect((await sessionAt(accountId, part.body.sessionId)).status).toBe('open');
    expect(await getItem(keys.checkoutSession(org.id, first.body.sessionId))).toMatchObject({ status: 'expired' });
    expect(await getItem(keys.checkoutSession(org.id, part.body.sessionId))).toMatchObject({ status: 'open' });
    // The full balance again is a new session (the expired one is never handed out), and the part payment's goes.
    const full = await checkout(invoice.id);
    expect(full.status).toBe(201);
    expect(full.body.sessionId).not.toBe(first.body.sessionId);
    expect(await expiredAt(accountId, part.body.sessionId)).toBe('expired');
    expect((await sessionsOf(accountId)).map((session) => [session.id, session.status])).toEqual([
      [full.body.sessionId, 'open'],
      [part.body.sessionId, 'expired'],
      [first.body.sessionId, 'expired'],
    ]);
  });

  it('gives concurrent copies of one request one session', async () => {
    const { accountId, invoice, checkout } = await payingCustomer();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 4 }, () => checkout(invoice.id, {}, { 'idempotency-key': key })));
    expect(new Set(answers.map((answer) => answer.body.sessionId)).size).toBe(1);
    expect(answers.filter((answer) => answer.status === 201).length).toBeGreaterThanOrEqual(1);
    expect((await sessionsOf(accountId)).length).toBe(1);
  });

  it('takes a part payment only when allowed, and not below the minimum', async () => {
    const full = await payingCustomer();
    const refused = await full.checkout(full.invoice.id, { amount: 5000 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('PARTIAL_PAYMENT_NOT_ALLOWED');

    const partial = await payingCustomer({ allowPartial: true, minimumPartial: 5000 });
    const small = await partial.checkout(partial.invoice.id, { amount: 4999 });
    expect(small.status).toBe(422);
    expect(small.body.error).toMatchObject({ code: 'AMOUNT_BELOW_PARTIAL_MINIMUM', details: { minimum: 5000 } });
    const allowed = await partial.checkout(partial.invoice.id, { amount: 5000 });
    expect(allowed.status).toBe(201);
    expect((await sessionAt(partial.accountId, allowed.body.sessionId)).amount_total).toBe(5000);
    expect(await sessionsOf(full.accountId)).toEqual([]);
  });

  it("refuses more than the balance and less than Stripe's minimum before Stripe is called", async () => {
    const { accountId, invoice, checkout } = await payingCustomer({ allowPartial: true });
    const above = await checkout(invoice.id, { amount: TOTAL + 1 });
    expect(above.status).toBe(422);
    expect(above.body.error).toMatchObject({ code: 'AMOUNT_ABOVE_BALANCE', details: { balance: TOTAL } });
    const below = await checkout(invoice.id, { amount: 49 });
    expect(below.status).toBe(422);
    expect(below.body.error).toMatchObject({ code: 'AMOUNT_BELOW_MINIMUM', details: { currency: 'EUR', minimum: 50 } });
    expect(await sessionsOf(accountId)).toEqual([]);
  });

  it('charges JPY in yen, not hundredths', async () => {
    const { api, org, contact, accountId, checkout } = await payingCustomer();
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id, { currency: 'JPY', lines: [{ description: 'Tea', quantity: 3, unitPrice: 1200 }] });
    const response = await checkout(invoice.id);
    expect(response.status).toBe(201);
    expect(await sessionAt(accountId, response.body.sessionId)).toMatchObject({ amount_total: 3600, currency: 'jpy' });
    const tooSmall = await sentDocument(api, org.id, 'invoices', contact.id, {
      currency: 'JPY',
      lines: [{ description: 'Sweet', quantity: 1, unitPrice: 49 }],
    });
    expect((await checkout(tooSmall.id)).body.error).toMatchObject({ code: 'AMOUNT_BELOW_MINIMUM', details: { currency: 'JPY', minimum: 50 } });
  });

  it('is refused while online payments are off or the Stripe account cannot take charges', async () => {
    const { api, org, invoice, checkout } = await payingCustomer();
    await api.patch(`/v1/orgs/${org.id}`, { onlinePayments: { enabled: false } });
    expect((await checkout(invoice.id)).body.error.code).toBe('ONLINE_PAYMENTS_DISABLED');

    // Staff cannot turn online payments on before the account can take charges: not connected, or not onboarded.
    const unconnected = await portalSetup();
    const turnOn = () => unconnected.api.patch(`/v1/orgs/${unconnected.org.id}`, { onlinePayments: { enabled: true } });
    const notConnected = await turnOn();
    expect(notConnected.status).toBe(422);
    expect(notConnected.body.error).toMatchObject({ code: 'STRIPE_NOT_READY', details: { field: 'onlinePayments.enabled' } });
    expect((await unconnected.api.get(`/v1/orgs/${unconnected.org.id}`)).body.onlinePayments.enabled).toBe(false);
    await connectedOrganization(unconnected.api, unconnected.org.id, { onboarded: false });
    expect((await turnOn()).body.error.code).toBe('STRIPE_NOT_READY');

    // Turned on while Portico believed the account ready; at checkout Stripe is asked again and says it cannot take charges.
    await setItemAttributes(keys.stripeConnection(unconnected.org.id), { chargesEnabled: true });
    expect((await turnOn()).status).toBe(200);
    await setItemAttributes(keys.stripeConnection(unconnected.org.id), { chargesEnabled: false });
    const owed = await sentDocument(unconnected.api, unconnected.org.id, 'invoices', unconnected.contact.id);
    const notReady = await unconnected.person.post(`${unconnected.base}/documents/${owed.id}/checkout`, {});
    expect(notReady.status).toBe(422);
    expect(notReady.body.error.code).toBe('STRIPE_NOT_READY');
  });

  it('is refused for what cannot be paid: an estimate, a void or paid invoice', async () => {
    const { api, org, contact, checkout } = await payingCustomer();
    const estimate = await sentDocument(api, org.id, 'estimates', contact.id);
    expect((await checkout(estimate.id)).body.error).toMatchObject({ code: 'DOCUMENT_NOT_PAYABLE', details: { docId: estimate.id } });
    const voided = await sentDocument(api, org.id, 'invoices', contact.id);
    await api.post(`/v1/orgs/${org.id}/invoices/${voided.id}/void`);
    const voidAnswer = await checkout(voided.id);
    expect(voidAnswer.status).toBe(422);
    expect(voidAnswer.body.error).toMatchObject({ code: 'DOCUMENT_NOT_OPEN', details: { status: 'void' } });
    const paid = await sentDocument(api, org.id, 'invoices', contact.id);
    await api.post(`/v1/orgs/${org.id}/invoices/${paid.id}/payments`, { amount: TOTAL }, { headers: { 'idempotency-key': randomUUID() } });
    expect((await checkout(paid.id)).body.error).toMatchObject({ code: 'DOCUMENT_NOT_OPEN', details: { status: 'paid' } });
  });

  it("answers 404 for another contact's, another organization's, a draft or an unknown document", async () => {
    const { api, org, checkout } = await payingCustomer();
    const otherContact = await newContact(api, org.id);
    const theirs = await sentDocument(api, org.id, 'invoices', otherContact.id);
    const draft = (await api.post(`/v1/orgs/${org.id}/invoices`, { contactId: otherContact.id, lines: [{ description: 'x', quantity: 1, unitPrice: 100 }] }))
      .body;
    const elsewhere = await newOrganization();
    const foreignContact = await newContact(elsewhere.api, elsewhere.org.id);
    const foreign = await sentDocument(elsewhere.api, elsewhere.org.id, 'invoices', foreignContact.id);
    for (const docId of [theirs.id, draft.id, foreign.id, 'doc_unknown']) {
      const response = await checkout(docId);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('needs a portal sign-in', async () => {
    const { base, invoice } = await payingCustomer();
    expect((await as().post(`${base}/documents/${invoice.id}/checkout`, {})).status).toBe(401);
  });
});

describe('paying several documents in one payment', () => {
  it('pays their balances, one line each, or spreads an amount oldest due date first', async () => {
    const { api, org, contact, accountId, checkoutMany } = await payingCustomer({ allowPartial: true });
    const later = await sentDocument(api, org.id, 'invoices', contact.id, { dueDate: inDays(30) });
    const sooner = await sentDocument(api, org.id, 'invoices', contact.id, { dueDate: inDays(10) });
    const retainer = await sentDocument(api, org.id, 'retainer-invoices', contact.id, {
      dueDate: inDays(20),
      lines: [{ description: 'Retainer', quantity: 1, unitPrice: 3000 }],
    });

    const all = await checkoutMany({ docIds: [later.id, sooner.id, retainer.id] });
    expect(all.status).toBe(201);
    const lines = await stripe.checkout.sessions.listLineItems(all.body.sessionId, {}, { stripeAccount: accountId });
    expect(lines.data.map((line) => [line.description, line.amount_total])).toEqual([
      [`Invoice ${sooner.number}`, TOTAL],
      [`Retainer invoice ${retainer.number}`, 3000],
      [`Invoice ${later.number}`, TOTAL],
    ]);
    expect((await sessionAt(accountId, all.body.sessionId)).amount_total).toBe(2 * TOTAL + 3000);

    const part = await checkoutMany({ docIds: [later.id, sooner.id, retainer.id], amount: TOTAL + 1000 });
    expect(part.status).toBe(201);
    expect(await getItem(keys.checkoutSession(org.id, part.body.sessionId))).toMatchObject({
      allocations: [
        { docId: sooner.id, amount: TOTAL },
        { docId: retainer.id, amount: 1000 },
      ],
      total: TOTAL + 1000,
    });
    expect(await getItem(keys.documentCheckout(org.id, later.id, part.body.sessionId))).toBeUndefined();
    expect(await getItem(keys.documentCheckout(org.id, retainer.id, part.body.sessionId))).toMatchObject({ amount: 1000 });
  });

  it('refuses documents in different currencies, duplicates, none or more than 20', async () => {
    const { api, org, contact, invoice, accountId, checkoutMany } = await payingCustomer();
    const dollars = await sentDocument(api, org.id, 'invoices', contact.id, { currency: 'USD' });
    const mixed = await checkoutMany({ docIds: [invoice.id, dollars.id] });
    expect(mixed.status).toBe(422);
    expect(mixed.body.error).toMatchObject({ code: 'CURRENCY_MISMATCH', details: { currencies: ['EUR', 'USD'] } });
    for (const docIds of [[], [invoice.id, invoice.id], Array.from({ length: 21 }, (_, index) => `doc_${index}`)]) {
      const response = await checkoutMany({ docIds });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect(await sessionsOf(accountId)).toEqual([]);
  });

  it("answers 404 when one of them is another contact's", async () => {
    const { api, org, invoice, checkoutMany } = await payingCustomer();
    const otherContact = await newContact(api, org.id);
    const theirs = await sentDocument(api, org.id, 'invoices', otherContact.id);
    const response = await checkoutMany({ docIds: [invoice.id, theirs.id] });
    expect(response.status).toBe(404);
  });
});

describe('open sessions are bounded', () => {
  it("expire when a newer session pays one of their documents, whoever of the contact's persons started it", async () => {
    const { api, org, contact, accountId, invoice, checkoutMany, tokens, base } = await payingCustomer({}, 1);
    const other = await sentDocument(api, org.id, 'invoices', contact.id);
    const both = await checkoutMany({ docIds: [invoice.id, other.id] });
    expect(both.status).toBe(201);
    const colleague = await as(tokens[1]).post(`${base}/documents/${invoice.id}/checkout`, {});
    expect(colleague.status).toBe(201);
    expect(await expiredAt(accountId, both.body.sessionId)).toBe('expired');
    expect((await sessionAt(accountId, colleague.body.sessionId)).status).toBe('open');
    expect(await getItem(keys.checkoutSession(org.id, both.body.sessionId))).toMatchObject({ status: 'expired', personId: contact.persons[0]!.id });
    expect(await getItem(keys.checkoutSession(org.id, colleague.body.sessionId))).toMatchObject({ status: 'open', personId: contact.persons[1]!.id });
  });

  it('are at most 10 per person: the 11th expires the oldest at Stripe', async () => {
    const { api, org, contact, accountId, invoice, checkout } = await payingCustomer();
    const more = [];
    for (let index = 0; index < 10; index++) more.push(await sentDocument(api, org.id, 'invoices', contact.id));
    const sessions: string[] = [];
    for (const document of [invoice, ...more]) {
      const started = await checkout(document.id);
      expect(started.status).toBe(201);
      sessions.push(started.body.sessionId);
    }
    expect(await expiredAt(accountId, sessions[0]!)).toBe('expired');
    const statuses = await Promise.all(sessions.map(async (sessionId) => (await sessionAt(accountId, sessionId)).status));
    expect(statuses).toEqual(['expired', ...Array.from({ length: 10 }, () => 'open')]);
    expect(await getItem(keys.checkoutSession(org.id, sessions[0]!))).toMatchObject({ status: 'expired' });
    const held = await getItem(keys.personCheckouts(org.id, contact.persons[0]!.id));
    expect(held).toMatchObject({ personId: contact.persons[0]!.id, version: 11 });
    expect((held!.sessions as { sessionId: string }[]).map((session) => session.sessionId)).toEqual(sessions.slice(1));
  });
});

describe('the status of a checkout, for the return page', () => {
  it('is open, then processing or paid once paid at Stripe, with the documents it pays', async () => {
    const { org, base, person, invoice, checkout } = await payingCustomer();
    const { sessionId } = (await checkout(invoice.id)).body;
    const open = await person.get(`${base}/checkout/${sessionId}`);
    expect(open.status).toBe(200);
    expect(open.body).toEqual({ sessionId, status: 'open', currency: 'EUR', documents: [{ docId: invoice.id, number: invoice.number, amount: TOTAL }] });
    expect((await control('POST', `/checkout/sessions/${sessionId}/pay`, { method: 'card' })).status).toBe(200);
    // `processing` until the webhook applies the payment, then `paid`.
    expect(['processing', 'paid']).toContain((await person.get(`${base}/checkout/${sessionId}`)).body.status);
    // The record as the webhook leaves it once the payment is applied.
    await setItemAttributes(keys.checkoutSession(org.id, sessionId), { status: 'complete' });
    expect((await person.get(`${base}/checkout/${sessionId}`)).body.status).toBe('paid');
  });

  it('is expired once the person cancels at Stripe', async () => {
    const { base, person, invoice, checkout } = await payingCustomer();
    const { sessionId } = (await checkout(invoice.id)).body;
    await control('POST', `/checkout/sessions/${sessionId}/cancel`);
    expect((await person.get(`${base}/checkout/${sessionId}`)).body.status).toBe('expired');
  });

  it("is 404 for another contact's checkout or an unknown session", async () => {
    const first = await payingCustomer();
    const { sessionId } = (await first.checkout(first.invoice.id)).body;
    const other = await newContact(first.api, first.org.id);
    await first.api.post(`/v1/orgs/${first.org.id}/contacts/${other.id}/portal-access`, {
      personIds: [other.persons[0]!.id],
      password: CHOSEN_PASSWORD,
      passwordPermanent: true,
    });
    const stranger = as((await signedIn(first.org.portalName, other.persons[0]!.email, CHOSEN_PASSWORD)).idToken);
    expect((await stranger.get(`${first.base}/checkout/${sessionId}`)).status).toBe(404);
    expect((await first.person.get(`${first.base}/checkout/cs_test_unknown`)).status).toBe(404);
  });
});
