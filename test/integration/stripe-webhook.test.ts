import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCheckoutRecord } from '../../functions/core/online-payments/repository.ts';
import { schedules } from '../../functions/core/schedules.ts';
import { handler as reconcileStripe } from '../../functions/schedules/reconcile-stripe.ts';
import { environmentInvoker } from '../../scripts/local/function-environment.ts';
import { local } from '../support/local.ts';
import { waitForMails } from '../support/mailbox.ts';
import { asStripeFunction, deliver, invoiceWithCheckout, itemsOf, linkedAccount, paidAs as paid, signed } from '../support/online-payments.ts';
import { newOrganization } from '../support/staff.ts';
import { control, deliveries, eventually, platformStripe, webhookReceiver } from '../support/stripe.ts';

beforeAll(asStripeFunction);

describe('the Stripe webhook', () => {
  it('applies a card payment once, with its Stripe ids for staff only, a receipt to the contact and a notice to staff', async () => {
    const { api, org, contact, invoice, checkout, path, person, base } = await invoiceWithCheckout();
    await control('POST', `/checkout/sessions/${checkout.sessionId}/pay`, { method: 'card' });
    const document = await paid(api, path);
    expect(document).toMatchObject({ amountPaid: 10_000, balance: 0 });
    expect(document.payments).toEqual([
      {
        id: expect.stringMatching(/^pay_/),
        docId: invoice.id,
        contactId: contact.id,
        documentNumber: invoice.number,
        currency: 'EUR',
        amount: 10_000,
        date: expect.any(String),
        method: 'card',
        reference: expect.stringMatching(/^pi_/),
        stripe: {
          paymentIntentId: expect.stringMatching(/^pi_/),
          chargeId: expect.stringMatching(/^ch_/),
          sessionId: checkout.sessionId,
          eventId: expect.stringMatching(/^evt_/),
        },
        createdAt: expect.any(String),
      },
    ]);
    const portalView = (await person.get(`${base}/documents/${invoice.id}`)).body;
    expect(portalView.payments[0]).not.toHaveProperty('stripe');
    expect(portalView.payments[0].method).toBe('card');
    const trail = (await api.get(`${path}/activity`)).body.items;
    expect(trail.find((entry: { action: string }) => entry.action === 'paid')).toMatchObject({
      action: 'paid',
      actor: { type: 'system', id: 'stripe' },
      details: { amount: 10_000, balance: 0, status: 'paid' },
    });
    expect(await getCheckoutRecord(org.id, checkout.sessionId)).toMatchObject({ status: 'complete', paymentStatus: 'paid' });
    const receipts = await waitForMails(contact.persons[0]!.email, 1, 10_000, (mail) => mail.subject.includes('Payment receipt'));
    expect(receipts[0]!.body.text).toContain('Amount received: €100.00\n');
    const notices = await waitForMails(document.createdBy.email, 1, 10_000, (mail) => mail.subject.startsWith('Online payment received'));
    expect(notices[0]!.body.text).toContain(`paid EUR 100.00 online; the balance due is now EUR 0.00`);
    expect(notices[0]!.subject).toBe(`Online payment received: Invoice ${invoice.number} (Globex Corporation)`);
    expect(notices[0]!.body.text).toContain(
      `Hello ${document.createdBy.email},\n\nOnline payment received\n\n` +
        `Globex Corporation paid EUR 100.00 online; the balance due is now EUR 0.00.\n\n` +
        `Document: Invoice ${invoice.number} (Globex Corporation)\nAmount: €100.00\n\n` +
        `Open the document in Portico:\n${local().apiUrl}/staff/orgs/${org.id}/invoices/${invoice.id}\n`,
    );
  });

  it('refuses a tampered body, a wrong secret and a stale timestamp with 400, writing nothing', async () => {
    const { org, invoice, checkout, accountId, api, path } = await invoiceWithCheckout();
    const receiver = await webhookReceiver(accountId);
    await control('POST', `/checkout/sessions/${checkout.sessionId}/pay`, { method: 'card' });
    const [original] = await eventually(async () => (receiver.received.length > 0 ? receiver.received : undefined));
    await receiver.close();
    await control('PUT', '/delivery/url', { account: accountId });
    const before = await itemsOf(org.id, [invoice.id], [checkout.sessionId]);
    const tampered = original!.body.replace(`"amount_total":10000`, `"amount_total":1`).replace(checkout.sessionId, `${checkout.sessionId}x`);
    const attempts = [
      deliver(tampered, original!.signature),
      deliver(original!.body, signed(original!.body, { secret: 'whsec_not_the_endpoint_secret' })),
      deliver(original!.body, signed(original!.body, { timestamp: Math.floor(Date.now() / 1000) - 301 })),
      deliver(original!.body, ''),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('INVALID_SIGNATURE');
    }
    expect(await itemsOf(org.id, [invoice.id], [checkout.sessionId])).toBe(before);
    expect((await api.get(path)).body).toMatchObject({ status: 'sent', amountPaid: 0 });

    const genuine = await deliver(original!.body, original!.signature);
    expect(genuine.status).toBe(200);
    expect(genuine.body).toEqual({ received: true, outcome: 'applied' });
    expect((await api.get(path)).body).toMatchObject({ status: 'paid', amountPaid: 10_000 });
  });

  it('applies the same event delivered 10 times at once as one payment', async () => {
    const { checkout, accountId, api, path } = await invoiceWithCheckout();
    await control('POST', '/delivery/rules', { mode: 'duplicate', account: accountId, types: ['checkout.session.completed'], copies: 10, count: 1 });
    await control('POST', `/checkout/sessions/${checkout.sessionId}/pay`, { method: 'card' });
    const made = await eventually(async () => {
      const list = await deliveries({ account: accountId, type: 'checkout.session.completed' });
      return list.length === 10 && list.every((delivery) => delivery.status !== null) ? list : undefined;
    }, 20_000);
    expect(made.map((delivery) => delivery.status)).toEqual(Array(10).fill(200));
    const document = (await api.get(path)).body;
    expect(document).toMatchObject({ status: 'paid', amountPaid: 10_000, balance: 0 });
    expect(document.payments).toHaveLength(1);
  });

  it('reaches the same state when async_payment_succeeded arrives before completed', async () => {
    const { org, checkout, accountId, api, path } = await invoiceWithCheckout();
    const receiver = await webhookReceiver(accountId);
    await control('POST', `/checkout/sessions/${checkout.sessionId}/pay`, { method: 'us_bank_account' });
    await control('POST', `/checkout/sessions/${checkout.sessionId}/settle`, { outcome: 'succeeded' });
    const [completed, succeeded] = await eventually(async () => (receiver.received.length >= 2 ? receiver.received : undefined));
    await receiver.close();
    await control('PUT', '/delivery/url', { account: accountId });
    expect((await deliver(succeeded!.body, succeeded!.signature)).body.outcome).toBe('applied');
    expect((await deliver(completed!.body, completed!.signature)).body.outcome).toBe('applied');
    expect((await deliver(succeeded!.body, succeeded!.signature)).body.outcome).toBe('duplicate');
    const document = (await api.get(path)).body;
    expect(document).toMatchObject({ status: 'paid', amountPaid: 10_000 });
    expect(document.payments).toHaveLength(1);
    expect(document.payments[0].method).toBe('bank_transfer');
    expect(await getCheckoutRecord(org.id, checkout.sessionId)).toMatchObject({ status: 'complete', paymentStatus: 'paid' });
  });

  it('changes nothing for an event from another connected account naming this organization’s session', async () => {
    const { org, invoice, checkout, api, path } = await invoiceWithCheckout();
    const other = await newOrganization();
    const otherAccount = await linkedAccount(other.org.id);
    const before = await itemsOf(org.id, [invoice.id], [checkout.sessionId]);
    const forged = (account: string | undefined) =>
      JSON.stringify({
        id: `evt_${randomUUID().replaceAll('-', '')}`,
        object: 'event',
        type: 'checkout.session.completed',
        ...(account && { account }),
        created: Math.floor(Date.now() / 1000),
        data: {
          object: {
            id: checkout.sessionId,
            object: 'checkout.session',
            payment_status: 'paid',
            payment_intent: 'pi_forged',
            metadata: { orgId: org.id, docId: invoice.id },
          },
        },
      });
    for (const payload of [forged(otherAccount), forged('acct_unknown'), forged(undefined)]) {
      const response = await deliver(payload, signed(payload));
      expect(response.status).toBe(200);
      expect(response.body.received).toBe(true);
    }
    expect(await itemsOf(org.id, [invoice.id], [checkout.sessionId])).toBe(before);
    expect((await api.get(path)).body).toMatchObject({ status: 'sent', amountPaid: 0, payments: [] });
  });

  it('puts what an offline payment already covered on the contact’s credit, and tells staff', async () => {
    const { org, contact, checkout, accountId, api, path } = await invoiceWithCheckout();
    const receiver = await webhookReceiver(accountId);
    await control('POST', `/checkout/sessions/${checkout.sessionId}/pay`, { method: 'card' });
    const [completed] = await eventually(async () => (receiver.received.length > 0 ? receiver.received : undefined));
    await receiver.close();
    await control('PUT', '/delivery/url', { account: accountId });
    expect((await api.post(`${path}/payments`, { amount: 7_000, method: 'bank_transfer' })).status).toBe(201);
    expect((await deliver(completed!.body, completed!.signature)).status).toBe(200);
    const document = (await api.get(path)).body;
    expect(document).toMatchObject({ status: 'paid', amountPaid: 10_000, balance: 0 });
    expect(document.payments.map((payment: { amount: number; method: string }) => [payment.amount, payment.method])).toEqual([
      [7_000, 'bank_transfer'],
      [3_000, 'card'],
    ]);
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/credits`)).body.items).toEqual([
      expect.objectContaining({ contactId: contact.id, currency: 'EUR', available: 7_000, owed: 0 }),
    ]);
    const trail = (await api.get(`${path}/activity`)).body.items;
    expect(trail.at(-1)).toMatchObject({ action: 'paid', details: { amount: 3_000, credited: 7_000, balance: 0 } });
    const notices = await waitForMails(document.createdBy.email, 1, 10_000, (mail) => mail.subject.startsWith('Online payment added to credit'));
    expect(notices[0]!.body.text).toContain('EUR 70.00 was added to');

    // The same money again (a copy, or reconciliation) changes nothing more.
    expect((await deliver(completed!.body, signed(completed!.body))).body.outcome).toBe('duplicate');
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/credits`)).body.items[0].available).toBe(7_000);
  });

  it('reopens exactly a partial refund’s amount, once, and tells the contact', async () => {
    const { contact, checkout, accountId, api, path } = await invoiceWithCheckout();
    await control('POST', `/checkout/sessions/${checkout.sessionId}/pay`, { method: 'card' });
    const document = await paid(api, path);
    const { paymentIntentId } = document.payments[0].stripe;
    await platformStripe().refunds.create({ payment_intent: paymentIntentId, amount: 2_500 }, { stripeAccount: accountId });
    const refunded = await paid(api, path, 'partially_paid');
    expect(refunded).toMatchObject({ amountPaid: 7_500, balance: 2_500 });
    // The double records a delivery once the endpoint has answered it.
    const [delivery] = await eventually(async () => {
      const made = await deliveries({ account: accountId, type: 'charge.refunded' });
      return made.length > 0 && made;
    });
    expect((await deliver(delivery!.payload, signed(delivery!.payload))).body.outcome).toBe('duplicate');
    expect((await api.get(path)).body).toMatchObject({ amountPaid: 7_500, balance: 2_500 });
    const trail = (await api.get(`${path}/activity`)).body.items;
    expect(trail.filter((entry: { action: string }) => entry.action === 'refunded')).toEqual([
      expect.objectContaining({
        actor: { type: 'system', id: 'stripe' },
        details: expect.objectContaining({ amount: 2_500, balance: 2_500, status: 'partially_paid' }),
      }),
    ]);
    const mails = await waitForMails(contact.persons[0]!.email, 1, 10_000, (mail) => mail.subject.startsWith('Refund of €25.00'));
    expect(mails[0]!.body.text).toContain('Balance due: €25.00');
  });

  it('marks a disputed payment, and a lost dispute reopens the balance', async () => {
    const { checkout, api, path } = await invoiceWithCheckout();
    await control('POST', `/checkout/sessions/${checkout.sessionId}/pay`, { method: 'card' });
    const document = await paid(api, path);
    const opened = await control('POST', `/charges/${document.payments[0].stripe.chargeId}/dispute`, { reason: 'fraudulent' });
    const marked = await eventually(async () => {
      const now = (await api.get(path)).body;
      return now.dispute ? now : undefined;
    });
    expect(marked).toMatchObject({ status: 'paid', dispute: { status: 'open', amount: 10_000, reason: 'fraudulent' } });
    await control('POST', `/disputes/${opened.body.id}/close`, { status: 'lost' });
    const reversed = await paid(api, path, 'sent');
    expect(reversed).toMatchObject({ amountPaid: 0, balance: 10_000, dispute: { status: 'lost' } });
    expect(reversed.payments).toHaveLength(1);
  });

  it('applies a dropped delivery once by reconciliation, and a second run applies nothing', async () => {
    const { checkout, accountId, api, path } = await invoiceWithCheckout();
    // The schedule's own entry, with only its needs' environment; for one account, so other tests' accounts stay untouched.
    const invoke = environmentInvoker(local());
    const reconcileAccount = async (account: string) => (await invoke(schedules.reconcileStripe.needs, () => reconcileStripe({ accountId: account }))).applied;
    await control('POST', '/delivery/rules', { mode: 'drop', account: accountId, types: ['checkout.session.completed'], count: 1 });
    await control('POST', `/checkout/sessions/${checkout.sessionId}/pay`, { method: 'card' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await api.get(path)).body).toMatchObject({ status: 'sent', amountPaid: 0 });
    // The dropped payment, and the onboarding's account.updated when its delivery came before the account was linked (then ignored).
    expect(await reconcileAccount(accountId)).toBeGreaterThanOrEqual(1);
    const document = (await api.get(path)).body;
    expect(document).toMatchObject({ status: 'paid', amountPaid: 10_000 });
    expect(document.payments).toHaveLength(1);
    expect(await reconcileAccount(accountId)).toBe(0);
    expect((await api.get(path)).body.payments).toHaveLength(1);
  });
});
