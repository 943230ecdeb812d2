import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/core/db/keys.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { connectedOrganization, enableOnlinePayments } from '../support/online-payments.ts';
import { eventually, platformStripe } from '../support/stripe.ts';
import { getItem } from '../support/table.ts';

const TOTAL = 11900;
const stripe = platformStripe();

/**
 * A connected organization taking part payments, one sent invoice with a session for its balance and one for a part:
 * the second replaced the first (a document keeps one open session), so only the part's is open.
 */
async function invoiceWithOpenSessions() {
  const setup = await portalSetup();
  const accountId = await connectedOrganization(setup.api, setup.org.id);
  await enableOnlinePayments(setup.api, setup.org.id, { allowPartial: true });
  const invoice = await sentDocument(setup.api, setup.org.id, 'invoices', setup.contact.id);
  const open = async (body: Record<string, unknown>) =>
    (await setup.person.post(`${setup.base}/documents/${invoice.id}/checkout`, body)).body.sessionId as string;
  const sessionIds = [await open({}), await open({ amount: 5000 })];
  const replaced = await eventually(async () => {
    const now = await statuses(setup.org.id, accountId, sessionIds[0]!);
    return now[1] === 'expired' && now;
  }, 20_000);
  expect(replaced).toEqual(['expired', 'expired']);
  expect(await statuses(setup.org.id, accountId, sessionIds[1]!)).toEqual(['open', 'open']);
  return { ...setup, accountId, invoice, sessionIds };
}

/** Both sides of a session: Stripe's status and the stored record's. The record is read first: it is marked only after Stripe expired the session. */
async function statuses(orgId: string, accountId: string, sessionId: string) {
  const stored = (await getItem(keys.checkoutSession(orgId, sessionId)))?.status;
  return [(await stripe.checkout.sessions.retrieve(sessionId, undefined, { stripeAccount: accountId })).status, stored];
}

describe("expiring a document's open checkouts", () => {
  it('expires them at Stripe and in the record when the document is voided', async () => {
    const { api, org, accountId, invoice, sessionIds } = await invoiceWithOpenSessions();
    expect((await api.post(`/v1/orgs/${org.id}/invoices/${invoice.id}/void`)).status).toBe(200);
    for (const sessionId of sessionIds) {
      expect(
        await eventually(async () => {
          const now = await statuses(org.id, accountId, sessionId);
          return now[1] === 'expired' && now;
        }, 20_000),
      ).toEqual(['expired', 'expired']);
    }
  });

  it('expires them when an offline payment pays the balance, not after a part payment', async () => {
    const { api, org, accountId, invoice, sessionIds } = await invoiceWithOpenSessions();
    const pay = (amount: number) =>
      api.post(`/v1/orgs/${org.id}/invoices/${invoice.id}/payments`, { amount }, { headers: { 'idempotency-key': randomUUID() } });
    expect((await pay(1000)).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await statuses(org.id, accountId, sessionIds[1]!)).toEqual(['open', 'open']);
    expect((await pay(TOTAL - 1000)).status).toBe(201);
    for (const sessionId of sessionIds) {
      expect(
        await eventually(async () => {
          const now = await statuses(org.id, accountId, sessionId);
          return now[1] === 'expired' && now;
        }, 20_000),
      ).toEqual(['expired', 'expired']);
    }
  });
});
