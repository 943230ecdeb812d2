import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { local } from '../support/local.ts';
import { control, deliveries, eventually, newConnectedAccount, newSession, platformStripe, webhookReceiver } from '../support/stripe.ts';

const stripe = platformStripe();
const stripeError = async (call: Promise<unknown>) => {
  try {
    await call;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error('expected a Stripe error');
};
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual' as const,
});

/** An onboarded account with one session paid by card: the starting point of refunds and disputes. */
async function paidSession(account: string) {
  const session = await newSession(stripe, account);
  await control('POST', `/checkout/sessions/${session.id}/pay`);
  const paid = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent.latest_charge'] }, { stripeAccount: account });
  const intent = paid.payment_intent as Stripe.PaymentIntent;
  return { session: paid, intent, charge: intent.latest_charge as Stripe.Charge };
}

describe('local Stripe double', () => {
  describe('connected accounts', () => {
    it('keeps each account’s objects to itself: another Stripe-Account gets resource_missing', async () => {
      const [first, second] = await Promise.all([newConnectedAccount(stripe), newConnectedAccount(stripe)]);
      const session = await newSession(stripe, first);
      expect((await stripe.checkout.sessions.retrieve(session.id, undefined, { stripeAccount: first })).id).toBe(session.id);

      const missing = await stripeError(stripe.checkout.sessions.retrieve(session.id, undefined, { stripeAccount: second }));
      expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing', type: 'StripeInvalidRequestError' });
      expect((await stripeError(stripe.checkout.sessions.retrieve(session.id))).statusCode).toBe(404); // nor the platform's
      expect((await stripe.checkout.sessions.list({}, { stripeAccount: second })).data).toEqual([]);
      expect((await stripeError(stripe.accounts.retrieve(first, undefined, { stripeAccount: second }))).statusCode).toBe(404);
      expect(await stripeError(stripe.checkout.sessions.list({}, { stripeAccount: 'acct_unknown' }))).toMatchObject({
        statusCode: 403,
        code: 'account_invalid',
      });
    });

    it('onboards through the account link’s page: charges enabled, account.updated, back to return_url; the link is single use', async () => {
      const account = await newConnectedAccount(stripe, { onboarded: false });
      expect(await stripe.accounts.retrieve(account)).toMatchObject({ type: 'standard', charges_enabled: false, details_submitted: false });
      expect((await stripeError(newSession(stripe, account))).message).toMatch(/onboarding is not complete/);

      const link = await stripe.accountLinks.create({
        account,
        type: 'account_onboarding',
        refresh_url: 'http://127.0.0.1:1/refresh',
        return_url: 'http://127.0.0.1:1/done',
      });
      const page = await fetch(link.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<button type="submit">Agree and submit</button>');
      const submitted = await fetch(link.url, form({ business_name: 'Acme <Supplies>' }));
      expect(submitted.status).toBe(303);
      expect(submitted.headers.get('location')).toBe('http://127.0.0.1:1/done');

      expect(await stripe.accounts.retrieve(account)).toMatchObject({ charges_enabled: true, details_submitted: true, payouts_enabled: true });
      const [updated] = (await stripe.events.list({ type: 'account.updated' }, { stripeAccount: account })).data;
      expect(updated).toMatchObject({
        account,
        type: 'account.updated',
        data: { object: { id: account, charges_enabled: true }, previous_attributes: { charges_enabled: false } },
      });
      expect((await fetch(link.url, { redirect: 'manual' })).headers.get('location')).toBe('http://127.0.0.1:1/refresh');
    });
  });

  describe('requests as Stripe takes them', () => {
    it('replays an idempotent request with the same parameters and refuses the key with others', async () => {
      const account = await newConnectedAccount(stripe);
      const params: Stripe.Checkout.SessionCreateParams = {
        mode: 'payment',
        line_items: [{ quantity: 2, price_data: { currency: 'eur', unit_amount: 500, product_data: { name: 'Invoice INV-7' } } }],
        metadata: { docId: 'doc_1' },
      };
      const first = await stripe.checkout.sessions.create(params, { stripeAccount: account, idempotencyKey: 'checkout-doc_1' });
      const replay = await stripe.checkout.sessions.create(params, { stripeAccount: account, idempotencyKey: 'checkout-doc_1' });
      expect(replay.id).toBe(first.id);
      expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');
      expect((await stripe.checkout.sessions.list({}, { stripeAccount: account })).data).toHaveLength(1);

      const mismatch = await stripeError(
        stripe.checkout.sessions.create({ ...params, metadata: { docId: 'doc_2' } }, { stripeAccount: account, idempotencyKey: 'checkout-doc_1' }),
      );
      expect(mismatch).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
      expect(mismatch).toMatchObject({ statusCode: 400, rawType: 'idempotency_error' });

      // Keys belong to the account they were used on.
      const other = await newConnectedAccount(stripe);
      expect((await stripe.checkout.sessions.create(params, { stripeAccount: other, idempotencyKey: 'checkout-doc_1' })).id).not.toBe(first.id);
    });

    it('answers Stripe-shaped errors for unknown, missing and invalid parameters and amounts it cannot charge', async () => {
      const account = await newConnectedAccount(stripe);
      const line = (currency: string, unit_amount: number) => [{ quantity: 1, price_data: { currency, unit_amount, product_data: { name: 'x' } } }];
      expect(await stripeError(newSession(stripe, account, { colour: 'blue' } as never))).toMatchObject({
        statusCode: 400,
        code: 'parameter_unknown',
        param: 'colour',
        message: 'Received unknown parameter: colour',
      });
      expect(await stripeError(stripe.checkout.sessions.create({ mode: 'payment' } as never, { stripeAccount: account }))).toMatchObject({
        code: 'parameter_missing',
        param: 'line_items',
      });
      expect(await stripeError(newSession(stripe, account, { line_items: line('usd', 49) }))).toMatchObject({
        code: 'amount_too_small',
        message: 'Amount must be at least USD 0.50.',
      });
      expect(await stripeError(newSession(stripe, account, { line_items: line('kwd', 1235) }))).toMatchObject({ code: 'invalid_charge_amount' });
      expect(await stripeError(newSession(stripe, account, { line_items: line('usd', 100_000_000) }))).toMatchObject({ code: 'amount_too_large' });
      expect((await newSession(stripe, account, { line_items: line('jpy', 50) })).amount_total).toBe(50);

      const raw = await fetch(`${local().stripe.apiUrl}/v1/charges/ch_nothing`, { headers: { authorization: 'Bearer sk_test_x' } });
      expect(raw.status).toBe(404);
      expect(await raw.json()).toEqual({
        error: {
          type: 'invalid_request_error',
          code: 'resource_missing',
          doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
          message: "No such charge: 'ch_nothing'",
          param: 'id',
        },
      });
      expect((await fetch(`${local().stripe.apiUrl}/v1/charges/ch_nothing`, { headers: { authorization: 'Bearer sk_live_x' } })).status).toBe(401);
    });
  });

  describe('Checkout', () => {
    it('serves a checkout page with the lines, a Pay button and a Cancel link, customer text escaped', async () => {
      const account = await newConnectedAccount(stripe);
      const session = await newSession(stripe, account, {
        line_items: [{ quantity: 2, price_data: { currency: 'jpy', unit_amount: 1500, product_data: { name: 'Widgets <script>' } } }],
      });
      expect(session).toMatchObject({ status: 'open', payment_status: 'unpaid', amount_total: 3000, currency: 'jpy', payment_intent: null, livemode: false });
      const html = await (await fetch(session.url!)).text();
      expect(html).toContain('<button type="submit" name="method" value="card">Pay</button>');
      expect(html).toContain(`<a href="/c/pay/${session.id}/cancel">Cancel</a>`);
      expect(html).toContain('Widgets &lt;script&gt; × 2');
      expect(html).toContain('JPY 3,000');
      expect(html).not.toContain('<script>');
    });

    it('pays from the page: redirects to success_url with the session id, the session is complete and paid', async () => {
      const account = await newConnectedAccount(stripe);
      const session = await newSession(stripe, account, { payment_intent_data: { metadata: { docId: 'doc_9' } }, client_reference_id: 'doc_9' });
      const paid = await fetch(session.url!, form({ method: 'card', email: 'ann@globex.example.test' }));
      expect(paid.status).toBe(303);
      expect(paid.headers.get('location')).toBe(`http://127.0.0.1:1/p/shop/payments/return?session_id=${session.id}`);

      const complete = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent.latest_charge'] }, { stripeAccount: account });
      expect(complete).toMatchObject({
        status: 'complete',
        payment_status: 'paid',
        url: null,
        client_reference_id: 'doc_9',
        customer_details: { email: 'ann@globex.example.test' },
      });
      const intent = complete.payment_intent as Stripe.PaymentIntent;
      expect(intent).toMatchObject({
        object: 'payment_intent',
        status: 'succeeded',
        amount: 1250,
        amount_received: 1250,
        currency: 'eur',
        metadata: { docId: 'doc_9' },
      });
      expect(intent.id).toMatch(/^pi_/);
      expect(intent.latest_charge).toMatchObject({
        object: 'charge',
        status: 'succeeded',
        paid: true,
        amount: 1250,
        amount_refunded: 0,
        payment_intent: intent.id,
      });
      expect((await stripe.checkout.sessions.list({ payment_intent: intent.id }, { stripeAccount: account })).data.map((found) => found.id)).toEqual([
        session.id,
      ]);
      expect((await stripe.checkout.sessions.list({ status: 'open' }, { stripeAccount: account })).data).toEqual([]);
    });

    it('delivers a checkout.session.completed signed with the state file’s secret', async () => {
      const account = await newConnectedAccount(stripe);
      const session = await newSession(stripe, account);
      expect((await control('POST', `/checkout/sessions/${session.id}/pay`)).status).toBe(200);

      const [delivery] = await eventually(() => deliveries({ account, type: 'checkout.session.completed' }).then((found) => found.length > 0 && found));
      expect(delivery!.url).toBe(`${local().apiUrl}/v1/webhooks/stripe`);
      expect(delivery!.status).toEqual(expect.any(Number)); // whatever the runtime's webhook route answers
      const event = stripe.webhooks.constructEvent(delivery!.payload, delivery!.signature, local().stripe.webhookSecret);
      expect(event).toMatchObject({ type: 'checkout.session.completed', account, livemode: false, api_version: Stripe.API_VERSION });
      expect(event.id).toMatch(/^evt_/);
      expect(event.data.object).toMatchObject({ id: session.id, status: 'complete', payment_status: 'paid', amount_total: 1250 });

      const tampered = delivery!.payload.replace('"paid"', '"unpaid"');
      expect(() => stripe.webhooks.constructEvent(tampered, delivery!.signature, local().stripe.webhookSecret)).toThrow(
        Stripe.errors.StripeSignatureVerificationError,
      );
      expect((await stripe.events.retrieve(event.id, undefined, { stripeAccount: account })).type).toBe('checkout.session.completed');
    });

    it('pays by bank later: completed unpaid, then async_payment_succeeded or async_payment_failed', async () => {
      const account = await newConnectedAccount(stripe);
      const [settles, fails] = await Promise.all([newSession(stripe, account), newSession(stripe, account)]);
      for (const session of [settles, fails]) {
        const pending = await control('POST', `/checkout/sessions/${session.id}/pay`, { method: 'us_bank_account' });
        expect(pending.body).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
      }
      expect((await control('POST', `/checkout/sessions/${settles.id}/settle`, { outcome: 'succeeded' })).body).toMatchObject({ payment_status: 'paid' });
      expect((await control('POST', `/checkout/sessions/${fails.id}/settle`, { outcome: 'failed' })).body).toMatchObject({ payment_status: 'unpaid' });

      const events = (await stripe.events.list({ type: 'checkout.session.*' }, { stripeAccount: account })).data;
      const typesOf = (id: string) =>
        events
          .filter((event) => (event.data.object as { id: string }).id === id)
          .map((event) => event.type)
          .reverse();
      expect(typesOf(settles.id)).toEqual(['checkout.session.completed', 'checkout.session.async_payment_succeeded']);
      expect(typesOf(fails.id)).toEqual(['checkout.session.completed', 'checkout.session.async_payment_failed']);
      const completed = events.find((event) => event.type === 'checkout.session.completed')!;
      expect(completed.data.object).toMatchObject({ payment_status: 'unpaid' });
      const failedIntent = await stripe.paymentIntents.retrieve(
        (await stripe.checkout.sessions.retrieve(fails.id, undefined, { stripeAccount: account })).payment_intent as string,
        undefined,
        {
          stripeAccount: account,
        },
      );
      expect(failedIntent.status).toBe('requires_payment_method');
    });

    it('ends a session on Cancel or expire with checkout.session.expired; an ended session cannot be paid', async () => {
      const account = await newConnectedAccount(stripe);
      const [cancelled, expired] = await Promise.all([newSession(stripe, account), newSession(stripe, account)]);
      const cancel = await fetch(`${cancelled.url}/cancel`, { redirect: 'manual' });
      expect(cancel.headers.get('location')).toBe('http://127.0.0.1:1/p/shop/documents');
      expect(await stripe.checkout.sessions.expire(expired.id, undefined, { stripeAccount: account })).toMatchObject({ status: 'expired', url: null });
      expect(await stripeError(stripe.checkout.sessions.expire(expired.id, undefined, { stripeAccount: account }))).toMatchObject({ statusCode: 400 });
      expect((await control('POST', `/checkout/sessions/${cancelled.id}/pay`)).status).toBe(400);

      const expiredEvents = (await stripe.events.list({ type: 'checkout.session.expired' }, { stripeAccount: account })).data;
      expect(expiredEvents.map((event) => (event.data.object as { id: string }).id).sort()).toEqual([cancelled.id, expired.id].sort());
    });
  });

  describe('refunds and disputes', () => {
    it('refunds part of a payment: pending then succeeded, with refund.created, charge.refunded and refund.updated', async () => {
      const account = await newConnectedAccount(stripe);
      const { intent, charge } = await paidSession(account);
      const refund = await stripe.refunds.create(
        { payment_intent: intent.id, amount: 250, metadata: { paymentId: 'pay_1' } },
        { stripeAccount: account, idempotencyKey: 'refund-pay_1' },
      );
      expect(refund).toMatchObject({
        object: 'refund',
        status: 'pending',
        amount: 250,
        charge: charge.id,
        payment_intent: intent.id,
        metadata: { paymentId: 'pay_1' },
      });
      await eventually(async () => (await stripe.refunds.retrieve(refund.id, undefined, { stripeAccount: account })).status === 'succeeded');

      const events = (await stripe.events.list({ types: ['refund.created', 'charge.refunded', 'refund.updated'] }, { stripeAccount: account })).data;
      expect(events.map((event) => event.type)).toEqual(['refund.updated', 'charge.refunded', 'refund.created']);
      expect(events[1]!.data.object).toMatchObject({ id: charge.id, amount_refunded: 250, refunded: false });
      expect(events[0]!.data).toMatchObject({ object: { id: refund.id, status: 'succeeded' }, previous_attributes: { status: 'pending' } });
      const refunded = await stripe.charges.retrieve(charge.id, { expand: ['refunds'] }, { stripeAccount: account });
      expect(refunded.refunds!.data.map((each) => each.id)).toEqual([refund.id]);

      expect(await stripeError(stripe.refunds.create({ payment_intent: intent.id, amount: 1001 }, { stripeAccount: account }))).toMatchObject({
        code: 'amount_too_large',
      });
      await stripe.refunds.create({ charge: charge.id }, { stripeAccount: account });
      expect(await stripeError(stripe.refunds.create({ charge: charge.id }, { stripeAccount: account }))).toMatchObject({ code: 'charge_already_refunded' });
    });

    it('opens and closes a dispute on a charge through the control API', async () => {
      const account = await newConnectedAccount(stripe);
      const { charge } = await paidSession(account);
      const dispute = (await control('POST', `/charges/${charge.id}/dispute`, { reason: 'product_not_received' })).body;
      expect(dispute).toMatchObject({ object: 'dispute', charge: charge.id, amount: 1250, status: 'needs_response', reason: 'product_not_received' });
      expect((await control('POST', `/disputes/${dispute.id}/close`, { status: 'lost' })).body).toMatchObject({ status: 'lost' });
      const events = (await stripe.events.list({ type: 'charge.dispute.*' }, { stripeAccount: account })).data;
      expect(events.map((event) => [event.type, (event.data.object as Stripe.Dispute).status])).toEqual([
        ['charge.dispute.closed', 'lost'],
        ['charge.dispute.created', 'needs_response'],
      ]);
      expect(await stripeError(stripe.refunds.create({ charge: charge.id }, { stripeAccount: account }))).toMatchObject({ code: 'charge_disputed' });
    });
  });

  describe('events and their delivery', () => {
    it('lists an account’s events newest first, by type and creation time, a page at a time', async () => {
      const account = await newConnectedAccount(stripe);
      const before = Math.floor(Date.now() / 1000);
      for (let index = 0; index < 3; index += 1)
        await stripe.checkout.sessions.expire((await newSession(stripe, account)).id, undefined, { stripeAccount: account });

      const all = await stripe.events.list({ created: { gte: before }, type: 'checkout.session.expired' }, { stripeAccount: account });
      expect(all.data).toHaveLength(3);
      expect(all.data.every((event) => event.account === account && event.created >= before)).toBe(true);
      const first = await stripe.events.list({ limit: 2 }, { stripeAccount: account });
      expect(first).toMatchObject({ object: 'list', has_more: true, url: '/v1/events' });
      const rest = await stripe.events.list({ limit: 2, starting_after: first.data[1]!.id }, { stripeAccount: account });
      expect([...first.data, ...rest.data].map((event) => event.id)).toEqual(
        (await stripe.events.list({}, { stripeAccount: account })).data.map((event) => event.id),
      );
      expect(rest.data.at(-1)!.type).toBe('account.updated'); // the oldest: onboarding
      expect((await stripe.events.list({ created: { gte: before + 3600 } }, { stripeAccount: account })).data).toEqual([]);
    });

    it('drops an event on request: never delivered, still listed, and resent on request', async () => {
      const account = await newConnectedAccount(stripe);
      await control('POST', '/delivery/rules', { mode: 'drop', account, types: ['checkout.session.completed'], count: 1 });
      const { session } = await paidSession(account);
      const [event] = (await stripe.events.list({ type: 'checkout.session.completed' }, { stripeAccount: account })).data;
      expect((event!.data.object as Stripe.Checkout.Session).id).toBe(session.id);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await deliveries({ event: event!.id })).toEqual([]);

      const resent = (await control('POST', `/events/${event!.id}/resend`)).body;
      expect(resent).toMatchObject({ eventId: event!.id, type: 'checkout.session.completed', account });
      expect(stripe.webhooks.constructEvent(resent.payload, resent.signature, local().stripe.webhookSecret).id).toBe(event!.id);
      expect(await deliveries({ event: event!.id })).toHaveLength(1);
    });

    it('duplicates, reorders and delays deliveries to an endpoint, every copy correctly signed', async () => {
      const account = await newConnectedAccount(stripe);
      const endpoint = await webhookReceiver(account);
      try {
        await control('POST', '/delivery/rules', { mode: 'duplicate', account, types: ['checkout.session.completed'], count: 1, copies: 3 });
        const { intent } = await paidSession(account);
        await eventually(async () => endpoint.received.length === 3);
        expect(new Set(endpoint.events().map((event) => event.id)).size).toBe(1);
        for (const webhook of endpoint.received)
          expect(stripe.webhooks.constructEvent(webhook.body, webhook.signature, local().stripe.webhookSecret).type).toBe('checkout.session.completed');

        endpoint.received.length = 0;
        await control('POST', '/delivery/rules', { mode: 'reorder', account, count: 2 });
        await stripe.refunds.create({ payment_intent: intent.id, amount: 100 }, { stripeAccount: account });
        await eventually(async () => endpoint.received.length >= 2);
        expect(
          endpoint
            .events()
            .slice(0, 2)
            .map((event) => event.type),
        ).toEqual(['charge.refunded', 'refund.created']);

        await eventually(async () => endpoint.events().some((event) => event.type === 'refund.updated'));
        endpoint.received.length = 0;
        await control('POST', '/delivery/rules', { mode: 'delay', account, count: 1, delayMs: 400 });
        const expiring = await newSession(stripe, account);
        const expiredAt = Date.now();
        await stripe.checkout.sessions.expire(expiring.id, undefined, { stripeAccount: account });
        await eventually(async () => endpoint.received.length === 1);
        expect(endpoint.received[0]!.at - expiredAt).toBeGreaterThanOrEqual(350);
      } finally {
        await control('DELETE', `/delivery/rules?account=${account}`);
        await control('PUT', '/delivery/url', { account });
        await endpoint.close();
      }
    });
  });
});
