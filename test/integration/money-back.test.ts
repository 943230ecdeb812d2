import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { getAppliedPayment } from '../../functions/core/online-payments/repository.ts';
import { applyStripeEvent } from '../../functions/core/online-payments/stripe-events.ts';
import { creditEntries } from '../support/credits.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { logLinesOf } from '../support/log-lines.ts';
import { asStripeFunction, euroCheckout, invoiceWithCheckout, linkedAccount, paidAs } from '../support/online-payments.ts';
import { control, deliveries, eventually, platformStripe } from '../support/stripe.ts';

beforeAll(asStripeFunction);

type Setup = Awaited<ReturnType<typeof portalSetup>>;
const creditOf = async ({ api, org, contact }: Setup) => {
  const items = (await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/credits`)).body.items as { available: number; owed: number }[];
  return items[0] ?? { available: 0, owed: 0 };
};
const intentOf = async (accountId: string, sessionId: string) =>
  (await platformStripe().checkout.sessions.retrieve(sessionId, undefined, { stripeAccount: accountId })).payment_intent as string;
const chargeOf = async (accountId: string, paymentIntentId: string) =>
  (await platformStripe().paymentIntents.retrieve(paymentIntentId, undefined, { stripeAccount: accountId })).latest_charge as string;

/** A retainer invoice of EUR 200.00 paid online: the contact's credit is 20000. */
async function retainerPaidOnline() {
  const setup = await portalSetup();
  const retainer = await sentDocument(setup.api, setup.org.id, 'retainer-invoices', setup.contact.id, {
    lines: [{ description: 'Advance', quantity: 1, unitPrice: 20_000 }],
  });
  const accountId = await linkedAccount(setup.org.id);
  const checkout = await euroCheckout(setup, accountId, [{ docId: retainer.id, amount: 20_000 }]);
  await control('POST', `/checkout/sessions/${checkout.sessionId}/pay`, { method: 'card' });
  const path = `/v1/orgs/${setup.org.id}/retainer-invoices/${retainer.id}`;
  const paid = await paidAs(setup.api, path);
  const invoice = await sentDocument(setup.api, setup.org.id, 'invoices', setup.contact.id, {
    lines: [{ description: 'Work', quantity: 1, unitPrice: 10_300 }],
  });
  return { ...setup, accountId, checkout, path, payment: paid.payments[0], invoice };
}

describe('refunded money never stays spendable', () => {
  it('a refund of a retainer paid online takes its money out of the credit too', async () => {
    const setup = await retainerPaidOnline();
    expect(await creditOf(setup)).toMatchObject({ available: 20_000, owed: 0 });
    expect((await setup.api.post(`/v1/orgs/${setup.org.id}/payments/${setup.payment.id}/refunds`, {})).status).toBe(202);
    expect(await paidAs(setup.api, setup.path, 'sent')).toMatchObject({ amountPaid: 0, balance: 20_000 });
    expect(await creditOf(setup)).toMatchObject({ available: 0, owed: 0 });
    const spend = await setup.api.post(`/v1/orgs/${setup.org.id}/invoices/${setup.invoice.id}/credits`, { amount: 10_300 });
    expect(spend.status).toBe(422);
    expect(spend.body.error.code).toBe('INSUFFICIENT_CREDIT');
  });

  it('a lost dispute on a retainer takes its money out of the credit; credit already spent shows as owed', async () => {
    const setup = await retainerPaidOnline();
    const spent = await setup.api.post(`/v1/orgs/${setup.org.id}/invoices/${setup.invoice.id}/credits`, { amount: 10_300 });
    expect(spent.status).toBe(201);
    const opened = await control('POST', `/charges/${setup.payment.stripe.chargeId}/dispute`, { reason: 'fraudulent' });
    await control('POST', `/disputes/${opened.body.id}/close`, { status: 'lost' });
    expect(await paidAs(setup.api, setup.path, 'sent')).toMatchObject({ amountPaid: 0, balance: 20_000, dispute: { status: 'lost' } });
    const credit = await creditOf(setup);
    expect(credit).toMatchObject({ available: 0, owed: 10_300 });
  });

  it('credit from an online overpayment leaves with a refund made in Stripe’s dashboard', async () => {
    const setup = await invoiceWithCheckout();
    // Two sessions for the same balance, both paid before either is applied (the document's payment would expire an open one).
    // Held and sent newest first, the second pays the invoice and all of the first's money is credit.
    const second = await euroCheckout(setup, setup.accountId, [{ docId: setup.invoice.id, amount: 10_000 }]);
    await control('POST', '/delivery/rules', { account: setup.accountId, mode: 'reorder', types: ['checkout.session.completed'] });
    await control('POST', `/checkout/sessions/${setup.checkout.sessionId}/pay`, { method: 'card' });
    await control('POST', `/checkout/sessions/${second.sessionId}/pay`, { method: 'card' });
    await control('POST', '/delivery/flush', { account: setup.accountId });
    const intent = await intentOf(setup.accountId, setup.checkout.sessionId);
    await eventually(async () => (await getAppliedPayment(setup.org.id, intent, setup.invoice.id))?.credited === 10_000, 10_000);
    expect(await creditOf(setup)).toMatchObject({ available: 10_000 });

    await platformStripe().refunds.create({ payment_intent: intent, amount: 4_000 }, { stripeAccount: setup.accountId });
    await eventually(async () => (await creditOf(setup)).available === 6_000, 10_000);
    expect((await setup.api.get(setup.path)).body).toMatchObject({ status: 'paid', amountPaid: 10_000, balance: 0 });
    const entries = (await setup.api.get(`/v1/orgs/${setup.org.id}/contacts/${setup.contact.id}/credits/EUR/entries`)).body.items;
    expect(entries.map((entry: { kind: string; amount: number }) => [entry.kind, entry.amount])).toEqual([
      ['excess', 10_000],
      ['refunded', -4_000],
    ]);
  });
});

describe('a retainer paid twice over', () => {
  it('a refund made in Stripe takes the credit its overpayment made, then the retainer, in one go', async () => {
    const setup = await portalSetup();
    const retainer = await sentDocument(setup.api, setup.org.id, 'retainer-invoices', setup.contact.id, {
      lines: [{ description: 'Advance', quantity: 1, unitPrice: 20_000 }],
    });
    const accountId = await linkedAccount(setup.org.id);
    const checkout = await euroCheckout(setup, accountId, [{ docId: retainer.id, amount: 20_000 }]);
    const path = `/v1/orgs/${setup.org.id}/retainer-invoices/${retainer.id}`;
    // Paid offline in part while the checkout was open: 15000 of the online payment fits, 5000 is credit.
    expect((await setup.api.post(`${path}/payments`, { amount: 5_000 })).status).toBe(201);
    await control('POST', `/checkout/sessions/${checkout.sessionId}/pay`, { method: 'card' });
    const paid = await paidAs(setup.api, path);
    const intent = paid.payments.find((payment: { stripe?: unknown }) => payment.stripe).stripe.paymentIntentId;
    expect(await creditOf(setup)).toMatchObject({ available: 25_000 });

    await platformStripe().refunds.create({ payment_intent: intent, amount: 7_000 }, { stripeAccount: accountId });
    expect(await paidAs(setup.api, path, 'partially_paid')).toMatchObject({ amountPaid: 18_000, balance: 2_000 });
    await eventually(async () => (await creditOf(setup)).available === 18_000, 10_000);
    const entries = await creditEntries(setup.api, setup.org.id, setup.contact.id, 'EUR');
    expect(entries.map((entry: { kind: string; amount: number }) => [entry.kind, entry.amount]).sort()).toEqual(
      [
        ['excess', 5_000],
        ['refunded', -7_000],
        ['retainer', 15_000],
        ['retainer', 5_000],
      ].sort(),
    );
    expect(await getAppliedPayment(setup.org.id, intent, retainer.id)).toMatchObject({
      amount: 15_000,
      refunded: 2_000,
      credited: 5_000,
      creditTakenBack: 5_000,
    });
  });
});

describe('refunds of a payment for several documents', () => {
  for (const delivery of ['in order', 'reordered'] as const) {
    it(`land on the document each was asked for (${delivery})`, async () => {
      const setup = await portalSetup();
      const make = (amount: number) =>
        sentDocument(setup.api, setup.org.id, 'invoices', setup.contact.id, { lines: [{ description: 'Work', quantity: 1, unitPrice: amount }] });
      const [doc1, doc2] = [await make(4_000), await make(6_000)];
      const accountId = await linkedAccount(setup.org.id);
      const checkout = await euroCheckout(setup, accountId, [
        { docId: doc1.id, amount: 4_000 },
        { docId: doc2.id, amount: 6_000 },
      ]);
      await control('POST', `/checkout/sessions/${checkout.sessionId}/pay`, { method: 'card' });
      const path = (doc: { id: string }) => `/v1/orgs/${setup.org.id}/invoices/${doc.id}`;
      const [paid1, paid2] = [await paidAs(setup.api, path(doc1)), await paidAs(setup.api, path(doc2))];
      const types = ['charge.refunded', 'refund.created', 'refund.updated'];
      if (delivery === 'reordered') await control('POST', '/delivery/rules', { account: accountId, mode: 'reorder', types });

      const refund = (payment: { id: string }, amount: number) => setup.api.post(`/v1/orgs/${setup.org.id}/payments/${payment.id}/refunds`, { amount });
      expect((await refund(paid1.payments[0], 1_000)).status).toBe(202);
      expect((await refund(paid2.payments[0], 3_000)).status).toBe(202);
      if (delivery === 'reordered') await control('POST', '/delivery/flush', { account: accountId });
      expect(await paidAs(setup.api, path(doc1), 'partially_paid')).toMatchObject({ amountPaid: 3_000, balance: 1_000 });
      expect(await paidAs(setup.api, path(doc2), 'partially_paid')).toMatchObject({ amountPaid: 3_000, balance: 3_000 });
      const intent = paid1.payments[0].stripe.paymentIntentId;
      expect(await getAppliedPayment(setup.org.id, intent, doc1.id)).toMatchObject({ refunded: 1_000, refundRequested: 0 });
      expect(await getAppliedPayment(setup.org.id, intent, doc2.id)).toMatchObject({ refunded: 3_000, refundRequested: 0 });

      // The statement shows every movement, refunds too, and closes at the open balances.
      const statement = (await setup.api.get(`/v1/orgs/${setup.org.id}/contacts/${setup.contact.id}/statement`)).body;
      const movements = statement.lines.filter((line: { type: string }) => line.type !== 'invoice');
      expect(movements.map((line: { type: string; debit: number; credit: number }) => [line.type, line.debit, line.credit]).sort()).toEqual(
        [
          ['payment', 0, 4_000],
          ['payment', 0, 6_000],
          ['refund', 1_000, 0],
          ['refund', 3_000, 0],
        ].sort(),
      );
      expect(statement.closingBalance).toBe(4_000);
      expect(statement.aging.total).toBe(4_000);
    });
  }
});

describe('disputes in either event order', () => {
  it('a lost dispute whose closing arrives before its opening ends lost, never open', async () => {
    const setup = await invoiceWithCheckout();
    await control('POST', `/checkout/sessions/${setup.checkout.sessionId}/pay`, { method: 'card' });
    const paid = await paidAs(setup.api, setup.path);
    await control('POST', '/delivery/rules', { account: setup.accountId, mode: 'reorder', types: ['charge.dispute.created', 'charge.dispute.closed'] });
    const opened = await control('POST', `/charges/${await chargeOf(setup.accountId, paid.payments[0].stripe.paymentIntentId)}/dispute`, {
      reason: 'fraudulent',
    });
    await control('POST', `/disputes/${opened.body.id}/close`, { status: 'lost' });
    await control('POST', '/delivery/flush', { account: setup.accountId });
    await eventually(async () => (await deliveries({ account: setup.accountId, type: 'charge.dispute.created' })).length > 0, 10_000);
    const reversed = await paidAs(setup.api, setup.path, 'sent');
    expect(reversed).toMatchObject({ amountPaid: 0, balance: 10_000, dispute: { disputeId: opened.body.id, status: 'lost' } });
  });
});

describe('concurrent copies of a refund’s events', () => {
  it('take the refund off once, fail none of them, and raise no false alarm', async () => {
    const setup = await invoiceWithCheckout();
    await control('POST', `/checkout/sessions/${setup.checkout.sessionId}/pay`, { method: 'card' });
    const paid = await paidAs(setup.api, setup.path);
    const intent = paid.payments[0].stripe.paymentIntentId;
    // The runtime never sees the refund's events: this process applies them, many copies at once.
    const types = ['refund.created', 'charge.refunded', 'refund.updated'];
    await control('POST', '/delivery/rules', { account: setup.accountId, mode: 'drop', types });
    await platformStripe().refunds.create({ payment_intent: intent }, { stripeAccount: setup.accountId });
    const events = await eventually(async () => {
      const listed = (await platformStripe().events.list({ limit: 20 }, { stripeAccount: setup.accountId })).data;
      const found = types.map((type) => listed.find((event) => event.type === type));
      return found.every(Boolean) ? (found as Stripe.Event[]) : undefined;
    });
    await control('DELETE', `/delivery/rules?account=${setup.accountId}`);
    const [created, chargeRefunded, updated] = events as [Stripe.Event, Stripe.Event, Stripe.Event];
    const lines = await logLinesOf(async () => {
      // A copy may plan from the payment as it was and read the document as another copy left it: it plans again.
      await Promise.all(Array.from({ length: 8 }, () => [applyStripeEvent(created), applyStripeEvent(chargeRefunded)]).flat());
      // A later event of the same refund finds it applied: nothing to take, and nothing given back beyond the payment.
      await applyStripeEvent(updated);
    });
    expect(lines.filter((line) => line.level === 'ERROR')).toEqual([]);
    expect((await setup.api.get(setup.path)).body).toMatchObject({ status: 'sent', amountPaid: 0, balance: 10_000 });
    expect(await getAppliedPayment(setup.org.id, intent, setup.invoice.id)).toMatchObject({ refunded: 10_000, version: 2 });
  });
});
