import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../functions/core/db/client.ts';
import { keys } from '../../functions/core/db/keys.ts';
import { transact } from '../../functions/core/db/transact.ts';
import { reconcileStripeEvents } from '../../functions/core/online-payments/reconcile.ts';
import { putReservationStep } from '../../functions/core/online-payments/refund-reservations.ts';
import { getAppliedPayment, replaceAppliedPaymentStep } from '../../functions/core/online-payments/repository.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { asStripeFunction, connectedOrganization, deliver, enableOnlinePayments, invoiceWithCheckout, paidAs, signed } from '../support/online-payments.ts';
import { control, deliveries, eventually } from '../support/stripe.ts';

beforeAll(asStripeFunction);

const event = (type: string, object: unknown, account?: string) =>
  JSON.stringify({ id: `evt_${randomUUID().replaceAll('-', '')}`, object: 'event', type, ...(account && { account }), created: 1, data: object });

describe('what a signed event says is checked against Stripe', () => {
  it('a completed checkout naming any payment intent as paid applies nothing while Stripe has it unpaid', async () => {
    const { checkout, accountId, api, path } = await invoiceWithCheckout();
    const forged = event(
      'checkout.session.completed',
      { object: { id: checkout.sessionId, object: 'checkout.session', payment_status: 'paid', payment_intent: 'pi_forged' } },
      accountId,
    );
    const response = await deliver(forged, signed(forged));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ received: true, outcome: 'applied' });
    expect((await api.get(path)).body).toMatchObject({ status: 'sent', amountPaid: 0, payments: [] });
  });

  it('acknowledges signed events with missing fields, logged, never 500', async () => {
    const { checkout, accountId } = await invoiceWithCheckout();
    const payloads = [
      event('charge.refunded', { object: { id: 'ch_x', payment_intent: null } }, accountId),
      event('charge.dispute.created', { object: {} }, accountId),
      event('checkout.session.completed', undefined, accountId),
      event('refund.created', { object: null }, accountId),
      event('checkout.session.completed', { object: { id: checkout.sessionId, payment_intent: null } }, accountId),
    ];
    for (const payload of payloads) {
      const response = await deliver(payload, signed(payload));
      expect(response.status, `${payload} ${JSON.stringify(response.body)}`).toBe(200);
      expect(response.body.received).toBe(true);
    }
    // A body that is not JSON at all is refused before anything reads it.
    const broken = '{"not": "an event"';
    expect((await deliver(broken, signed(broken))).body.error.code).toBe('MALFORMED_JSON');
  });
});

describe('nothing stays stuck', () => {
  it('a key whose request died in progress is usable again after its lease, and not before', async () => {
    const setup = await portalSetup();
    const invoice = await sentDocument(setup.api, setup.org.id, 'invoices', setup.contact.id, {
      lines: [{ description: 'Work', quantity: 1, unitPrice: 10_000 }],
    });
    const path = `/v1/orgs/${setup.org.id}/invoices/${invoice.id}/payments`;
    const body = { amount: 2_500, method: 'bank_transfer' };
    const pending = async (key: string, leaseEndsIn: number) => {
      const first = await setup.api.post(path, body, { headers: { 'idempotency-key': key } });
      expect(first.status).toBe(201);
      // What a request that timed out after claiming its key leaves behind: the same request, pending.
      const record = keys.idempotency(setup.org.id, `payment-${invoice.id}`, `${key}-died`);
      const requestHash = (await import('node:crypto')).createHash('sha256').update(JSON.stringify(body)).digest('hex');
      await db().send(
        new PutCommand({
          TableName: local().dynamodb.tableName,
          Item: { ...record, type: 'idempotency', state: 'pending', requestHash, expiresAt: 9e9, inProgressExpiry: Date.now() + leaseEndsIn },
        }),
      );
      return setup.api.post(path, body, { headers: { 'idempotency-key': `${key}-died` } });
    };
    const held = await pending(`k-${randomUUID()}`, 60_000);
    expect(held.status).toBe(409);
    expect(held.body.error.code).toBe('IDEMPOTENCY_KEY_IN_USE');
    const freed = await pending(`k-${randomUUID()}`, -1);
    expect(freed.status).toBe(201);
    expect((await setup.api.get(`/v1/orgs/${setup.org.id}/invoices/${invoice.id}`)).body).toMatchObject({ amountPaid: 7_500, balance: 2_500 });
  });

  it('a failed bank payment frees the document for a new checkout session', async () => {
    const setup = await portalSetup();
    const accountId = await connectedOrganization(setup.api, setup.org.id);
    await enableOnlinePayments(setup.api, setup.org.id);
    const invoice = await sentDocument(setup.api, setup.org.id, 'invoices', setup.contact.id);
    const checkout = () => setup.person.post(`${setup.base}/documents/${invoice.id}/checkout`, {});
    const first = await checkout();
    expect(first.status).toBe(201);
    await control('POST', `/checkout/sessions/${first.body.sessionId}/pay`, { method: 'us_bank_account' });
    await control('POST', `/checkout/sessions/${first.body.sessionId}/settle`, { outcome: 'failed' });
    await eventually(async () => (await deliveries({ account: accountId, type: 'checkout.session.async_payment_failed' })).length > 0, 10_000);
    await eventually(async () => {
      const again = await checkout();
      return again.status === 201 && again.body.sessionId !== first.body.sessionId;
    }, 10_000);
  });

  it('a refund reserved by a request that died before Stripe refunded is released by the next reconciliation; a broken account stops nothing', async () => {
    const { org, checkout, accountId, api, path } = await invoiceWithCheckout();
    await control('POST', `/checkout/sessions/${checkout.sessionId}/pay`, { method: 'card' });
    const payment = (await paidAs(api, path)).payments[0];
    const applied = (await getAppliedPayment(org.id, payment.stripe.paymentIntentId, payment.docId))!;
    // What a refund request leaves when its invocation dies between reserving and Stripe's answer, a while ago.
    const reservation = {
      reservationId: `rsv_${randomUUID().replaceAll('-', '')}`,
      orgId: org.id,
      paymentIntentId: applied.paymentIntentId,
      docId: applied.docId,
      amount: 4_000,
      reservedAt: Date.now() - 60_000,
    };
    await transact([
      replaceAppliedPaymentStep({ ...applied, refundRequested: 4_000, version: applied.version + 1 }, applied.version),
      putReservationStep(reservation),
    ]);
    const refunds = `/v1/orgs/${org.id}/payments/${payment.id}/refunds`;
    expect((await api.post(refunds, { amount: 7_000 })).body.error.code).toBe('REFUND_EXCEEDS_PAYMENT');

    // An account Stripe does not know comes first: it fails alone.
    expect(await reconcileStripeEvents(['acct_gone', accountId])).toMatchObject({ accounts: 2, failed: 1 });
    expect(await getAppliedPayment(org.id, applied.paymentIntentId, applied.docId)).toMatchObject({ refundRequested: 0, refunded: 0 });
    expect((await api.post(refunds, { amount: 7_000 })).status).toBe(202);
  });
});
