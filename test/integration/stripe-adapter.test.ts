import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../functions/core/errors.ts';
import { createConnectedAccount, createOnboardingLink, retrieveConnectedAccount } from '../../functions/core/stripe/accounts.ts';
import {
  createCheckoutSession,
  expireCheckoutSession,
  listCheckoutSessions,
  type NewCheckoutSession,
  retrieveCheckoutSession,
} from '../../functions/core/stripe/checkout.ts';
import { listAccountEvents } from '../../functions/core/stripe/events.ts';
import { createRefund, retrieveRefund } from '../../functions/core/stripe/refunds.ts';
import { verifyWebhookEvent } from '../../functions/core/stripe/webhooks.ts';
import { local } from '../support/local.ts';
import { control, deliveries, eventually, platformStripe } from '../support/stripe.ts';

// The handlers' environment, as the runtime sets it (vitest runs each file in its own worker).
beforeAll(() => {
  Object.assign(process.env, {
    STRIPE_SECRETS_ARN: 'local',
    STRIPE_API_URL: local().stripe.apiUrl,
    STRIPE_SECRET_KEY: 'sk_test_adapter',
    STRIPE_WEBHOOK_SECRET: local().stripe.webhookSecret,
  });
});

const domainError = async (call: Promise<unknown>) => {
  try {
    await call;
  } catch (error) {
    if (error instanceof DomainError) return { status: error.status, ...error.toJSON().error };
    throw error;
  }
  throw new Error('expected a domain error');
};

async function onboardedAccount() {
  const account = await createConnectedAccount({ metadata: { orgId: 'org_adapter' }, idempotencyKey: `connect-${randomUUID()}` });
  await control('POST', `/accounts/${account.accountId}/onboard`);
  return account.accountId;
}

const checkout = (accountId: string, overrides: Partial<NewCheckoutSession> = {}): NewCheckoutSession => ({
  accountId,
  currency: 'EUR',
  lines: [{ name: 'Invoice INV-000042', amount: 120_00 }],
  successUrl: 'http://127.0.0.1:1/return?session_id={CHECKOUT_SESSION_ID}',
  cancelUrl: 'http://127.0.0.1:1/cancel',
  metadata: { orgId: 'org_adapter', docId: 'doc_42' },
  idempotencyKey: `checkout-${randomUUID()}`,
  ...overrides,
});

describe('Stripe adapter against the local double', () => {
  it('connects an account once per idempotency key and onboards it through its link', async () => {
    const key = `connect-${randomUUID()}`;
    const account = await createConnectedAccount({ email: 'owner@shop.example.test', metadata: { orgId: 'org_1' }, idempotencyKey: key });
    expect(account).toEqual({
      accountId: expect.stringMatching(/^acct_/),
      chargesEnabled: false,
      detailsSubmitted: false,
      currentlyDue: ['business_profile.url', 'external_account', 'tos_acceptance.date'],
    });
    expect((await createConnectedAccount({ email: 'owner@shop.example.test', metadata: { orgId: 'org_1' }, idempotencyKey: key })).accountId).toBe(
      account.accountId,
    );

    const link = await createOnboardingLink({ accountId: account.accountId, refreshUrl: 'http://127.0.0.1:1/refresh', returnUrl: 'http://127.0.0.1:1/done' });
    expect(new Date(link.expiresAt).getTime()).toBeGreaterThan(Date.now());
    await fetch(link.url, { method: 'POST', redirect: 'manual' });
    expect(await retrieveConnectedAccount(account.accountId)).toEqual({
      accountId: account.accountId,
      chargesEnabled: true,
      detailsSubmitted: true,
      currentlyDue: [],
    });
    expect(await domainError(retrieveConnectedAccount('acct_missing'))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('charges JPY in yen, not hundredths, and reads amounts back in minor units', async () => {
    const accountId = await onboardedAccount();
    const session = await createCheckoutSession(checkout(accountId, { currency: 'JPY', lines: [{ name: 'Consulting', amount: 1500, quantity: 2 }] }));
    expect(session).toMatchObject({
      status: 'open',
      paymentStatus: 'unpaid',
      amountTotal: 3000,
      currency: 'JPY',
      paymentIntentId: null,
      metadata: { docId: 'doc_42' },
    });
    const raw = await platformStripe().checkout.sessions.retrieve(session.sessionId, { expand: ['line_items'] }, { stripeAccount: accountId });
    expect(raw.amount_total).toBe(3000);
    expect(raw.line_items!.data[0]!.price!.unit_amount).toBe(1500);

    const kwd = await createCheckoutSession(checkout(accountId, { currency: 'KWD', lines: [{ name: 'Consulting', amount: 12_340 }] }));
    expect(kwd.amountTotal).toBe(12_340);
  });

  it('refuses amounts Stripe would refuse before asking it, as 422s', async () => {
    const accountId = await onboardedAccount();
    expect(await domainError(createCheckoutSession(checkout(accountId, { currency: 'USD', lines: [{ name: 'Tip', amount: 49 }] })))).toEqual({
      status: 422,
      code: 'AMOUNT_BELOW_MINIMUM',
      message: 'Stripe cannot charge less than USD 0.50.',
      details: { currency: 'USD', minimum: 50 },
    });
    expect(await domainError(createCheckoutSession(checkout(accountId, { currency: 'KWD', lines: [{ name: 'x', amount: 1235 }] })))).toMatchObject({
      status: 422,
      code: 'AMOUNT_NOT_CHARGEABLE',
    });
    expect(await domainError(createCheckoutSession(checkout(accountId, { lines: [{ name: 'x', amount: 1_000_000_00 }] })))).toMatchObject({
      status: 422,
      code: 'AMOUNT_ABOVE_MAXIMUM',
    });
    expect((await listCheckoutSessions(accountId)).sessions).toEqual([]);
  });

  it('maps Stripe’s refusals to domain errors: reused keys, unknown sessions, an account no longer connected', async () => {
    const accountId = await onboardedAccount();
    const input = checkout(accountId);
    const first = await createCheckoutSession(input);
    expect((await createCheckoutSession(input)).sessionId).toBe(first.sessionId);
    expect(await domainError(createCheckoutSession({ ...input, lines: [{ name: 'Other', amount: 99_00 }] }))).toMatchObject({
      status: 409,
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await domainError(retrieveCheckoutSession(accountId, 'cs_test_missing'))).toMatchObject({ status: 404 });
    expect(await domainError(retrieveCheckoutSession('acct_gone', first.sessionId))).toMatchObject({ status: 422, code: 'STRIPE_ACCOUNT_UNAVAILABLE' });
  });

  it('expires an open session, and answers a paid one as it is', async () => {
    const accountId = await onboardedAccount();
    const [open, paid] = await Promise.all([createCheckoutSession(checkout(accountId)), createCheckoutSession(checkout(accountId))]);
    await control('POST', `/checkout/sessions/${paid.sessionId}/pay`);
    expect(await expireCheckoutSession(accountId, open.sessionId)).toMatchObject({ status: 'expired', url: null });
    expect(await expireCheckoutSession(accountId, paid.sessionId)).toMatchObject({
      status: 'complete',
      paymentStatus: 'paid',
      paymentIntentId: expect.stringMatching(/^pi_/),
    });
    expect((await listCheckoutSessions(accountId, { status: 'expired' })).sessions.map((session) => session.sessionId)).toEqual([open.sessionId]);
  });

  it('refunds in minor units with an idempotency key, and maps over-refunds', async () => {
    const accountId = await onboardedAccount();
    const session = await createCheckoutSession(checkout(accountId, { currency: 'JPY', lines: [{ name: 'Consulting', amount: 5000 }] }));
    const paid = (await control('POST', `/checkout/sessions/${session.sessionId}/pay`)).body as Stripe.Checkout.Session;
    const paymentIntentId = paid.payment_intent as string;
    const refundInput = {
      accountId,
      paymentIntentId,
      currency: 'JPY',
      amount: 2000,
      metadata: { paymentId: 'pay_7' },
      idempotencyKey: `refund-${randomUUID()}`,
    };
    const refund = await createRefund(refundInput);
    expect(refund).toMatchObject({ status: 'pending', amount: 2000, currency: 'JPY', paymentIntentId, chargeId: expect.stringMatching(/^ch_/) });
    expect((await createRefund(refundInput)).refundId).toBe(refund.refundId);
    await eventually(async () => (await retrieveRefund(accountId, refund.refundId)).status === 'succeeded');
    expect(await domainError(createRefund({ ...refundInput, amount: 4000, idempotencyKey: `refund-${randomUUID()}` }))).toMatchObject({
      status: 422,
      code: 'REFUND_EXCEEDS_PAYMENT',
    });

    const { events } = await listAccountEvents(accountId, { type: 'charge.refunded', createdFrom: new Date(Date.now() - 60_000) });
    expect(events.map((event) => (event.data.object as Stripe.Charge).amount_refunded)).toEqual([2000]);
  });

  it('verifies a delivery’s signature against the raw body, and refuses a tampered, stale or missing one', async () => {
    const accountId = await onboardedAccount();
    const session = await createCheckoutSession(checkout(accountId));
    await control('POST', `/checkout/sessions/${session.sessionId}/pay`);
    const [delivery] = await eventually(() =>
      deliveries({ account: accountId, type: 'checkout.session.completed' }).then((found) => found.length > 0 && found),
    );

    const event = await verifyWebhookEvent(delivery!.payload, delivery!.signature);
    expect(event).toMatchObject({ type: 'checkout.session.completed', account: accountId, data: { object: { id: session.sessionId } } });

    const invalid = { status: 400, code: 'INVALID_SIGNATURE' };
    expect(await domainError(verifyWebhookEvent(delivery!.payload.replace('"paid"', '"unpaid"'), delivery!.signature))).toMatchObject(invalid);
    expect(await domainError(verifyWebhookEvent(delivery!.payload, undefined))).toMatchObject(invalid);
    const stale = Stripe.webhooks.generateTestHeaderString({
      payload: delivery!.payload,
      secret: local().stripe.webhookSecret,
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect(await domainError(verifyWebhookEvent(delivery!.payload, stale))).toMatchObject(invalid);
    const otherSecret = Stripe.webhooks.generateTestHeaderString({ payload: delivery!.payload, secret: 'whsec_someone_else' });
    expect(await domainError(verifyWebhookEvent(delivery!.payload, otherSecret))).toMatchObject(invalid);
  });
});
