import { beforeAll, describe, expect, it } from 'vitest';
import { getAppliedPayment } from '../../functions/core/online-payments/repository.ts';
import { waitForMails } from '../support/mailbox.ts';
import { asStripeFunction, invoiceWithCheckout, paidAs } from '../support/online-payments.ts';
import { newOrganization } from '../support/staff.ts';
import { control, deliveries, eventually } from '../support/stripe.ts';

beforeAll(asStripeFunction);

/** An invoice of EUR 100.00 paid online in full, and the path of its payment's refunds. */
async function paidOnline() {
  const setup = await invoiceWithCheckout();
  await control('POST', `/checkout/sessions/${setup.checkout.sessionId}/pay`, { method: 'card' });
  const document = await paidAs(setup.api, setup.path);
  const payment = document.payments[0];
  return { ...setup, payment, refunds: `/v1/orgs/${setup.org.id}/payments/${payment.id}/refunds` };
}

const actions = (trail: { action: string }[]) => trail.map((entry) => entry.action);

describe('refunds asked for by staff', () => {
  it('asks Stripe once per key, answers 202, and the refund reopens exactly its amount when Stripe reports it', async () => {
    const { api, org, contact, path, payment, refunds, accountId } = await paidOnline();
    const key = { headers: { 'idempotency-key': `refund-${payment.id}` } };
    const first = await api.post(refunds, { amount: 2_500 }, key);
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ refundId: expect.stringMatching(/^re_/), status: 'pending' });
    const again = await api.post(refunds, { amount: 2_500 }, key);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    expect(await paidAs(api, path, 'partially_paid')).toMatchObject({ amountPaid: 7_500, balance: 2_500 });
    const trail = (await api.get(`${path}/activity`)).body.items;
    expect(trail.filter((entry: { action: string }) => entry.action === 'refund_requested')).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ type: 'staff' }),
        details: { paymentId: payment.id, refundId: first.body.refundId, amount: 2_500, currency: 'EUR', paymentIntentId: payment.stripe.paymentIntentId },
      }),
    ]);
    expect(trail.filter((entry: { action: string }) => entry.action === 'refunded')).toEqual([
      expect.objectContaining({
        actor: { type: 'system', id: 'stripe' },
        details: expect.objectContaining({ amount: 2_500, balance: 2_500, status: 'partially_paid' }),
      }),
    ]);
    const mails = await waitForMails(contact.persons[0]!.email, 1, 10_000, (mail) => mail.subject.startsWith('Refund of €25.00'));
    expect(mails[0]!.body.text).toContain('Balance due: €25.00');
    expect(await getAppliedPayment(org.id, payment.stripe.paymentIntentId, payment.docId)).toMatchObject({
      amount: 10_000,
      refunded: 2_500,
      refundRequested: 0,
    });

    // Without an amount: what is left of the payment.
    const rest = await api.post(refunds);
    expect(rest.status).toBe(202);
    expect(rest.body.refundId).not.toBe(first.body.refundId);
    expect(await paidAs(api, path, 'sent')).toMatchObject({ amountPaid: 0, balance: 10_000 });
    expect(await eventually(async () => (await deliveries({ account: accountId, type: 'charge.refunded' })).length === 2)).toBe(true);
    expect(actions((await api.get(`${path}/activity`)).body.items).filter((action) => action.startsWith('refund'))).toEqual([
      'refund_requested',
      'refunded',
      'refund_requested',
      'refunded',
    ]);

    const nothing = await api.post(refunds, {});
    expect(nothing.status).toBe(422);
    expect(nothing.body.error.code).toBe('NOTHING_TO_REFUND');
  });

  it('refuses more than is left to refund, reserving nothing', async () => {
    const { api, org, payment, refunds, path } = await paidOnline();
    const tooMuch = await api.post(refunds, { amount: 10_001 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error).toMatchObject({ code: 'REFUND_EXCEEDS_PAYMENT', details: { field: 'amount', refundable: 10_000 } });
    expect((await api.post(refunds, { amount: 0 })).status).toBe(400);
    expect(await getAppliedPayment(org.id, payment.stripe.paymentIntentId, payment.docId)).toMatchObject({ refunded: 0, refundRequested: 0, version: 1 });
    expect((await api.get(path)).body).toMatchObject({ status: 'paid', amountPaid: 10_000 });
  });

  it('refuses an offline payment with 422, and another organization’s or an unknown payment with 404', async () => {
    const { api, org, path, payment } = await paidOnline();
    const offline = await invoiceWithCheckout();
    const recorded = await offline.api.post(`${offline.path}/payments`, { amount: 4_000, method: 'bank_transfer' });
    expect(recorded.status).toBe(201);
    const refused = await offline.api.post(`/v1/orgs/${offline.org.id}/payments/${recorded.body.id}/refunds`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('NOT_REFUNDABLE');

    const other = await newOrganization();
    for (const attempt of [
      other.api.post(`/v1/orgs/${other.org.id}/payments/${payment.id}/refunds`, {}),
      other.api.post(`/v1/orgs/${org.id}/payments/${payment.id}/refunds`, {}),
      offline.api.post(`/v1/orgs/${offline.org.id}/payments/${payment.id}/refunds`, {}),
      api.post(`/v1/orgs/${org.id}/payments/pay_unknown/refunds`, {}),
    ]) {
      const response = await attempt;
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
    expect((await api.get(path)).body).toMatchObject({ status: 'paid', amountPaid: 10_000 });
  });
});
