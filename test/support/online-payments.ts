import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import Stripe from 'stripe';
import { db } from '../../functions/core/db/client.ts';
import { keys } from '../../functions/core/db/keys.ts';
import { transact } from '../../functions/core/db/transact.ts';
import type { CheckoutRecord } from '../../functions/core/online-payments/records.ts';
import { putAccountLinkStep, putCheckoutSteps, putNewConnectionStep } from '../../functions/core/online-payments/repository.ts';
import { createCheckoutSession } from '../../functions/core/stripe/checkout.ts';
import { type as, request } from './api.ts';
import { portalSetup, sentDocument } from './documents.ts';
import { local } from './local.ts';
import { control, eventually, newConnectedAccount, platformStripe } from './stripe.ts';

/** The environment the webhook's function gets, so this test process can write what the checkout route writes. */
export function asStripeFunction() {
  const { endpoint, tableName } = local().dynamodb;
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    STRIPE_SECRETS_ARN: 'local',
    STRIPE_API_URL: local().stripe.apiUrl,
    STRIPE_SECRET_KEY: 'sk_test_local',
    STRIPE_WEBHOOK_SECRET: local().stripe.webhookSecret,
    PORTICO_LOG: 'silent',
  });
}

/** A connected account at the double, onboarded and linked to the organization directly, as `POST …/stripe/connect` links it. */
export async function linkedAccount(orgId: string): Promise<string> {
  const accountId = await newConnectedAccount(platformStripe());
  const at = new Date().toISOString();
  await transact([
    putAccountLinkStep({ accountId, orgId, createdAt: at }),
    putNewConnectionStep({ orgId, accountId, chargesEnabled: true, detailsSubmitted: true, updatedAt: at, version: 1 }),
  ]);
  return accountId;
}

/** A Checkout Session on the account for the documents' amounts, stored as the checkout route stores it. */
export async function storedCheckout(input: {
  orgId: string;
  accountId: string;
  contactId: string;
  currency: string;
  allocations: { docId: string; amount: number }[];
}): Promise<CheckoutRecord> {
  const total = input.allocations.reduce((sum, allocation) => sum + allocation.amount, 0);
  const session = await createCheckoutSession({
    accountId: input.accountId,
    currency: input.currency,
    lines: input.allocations.map((allocation) => ({ name: `Document ${allocation.docId}`, amount: allocation.amount })),
    successUrl: 'http://127.0.0.1:1/return?session_id={CHECKOUT_SESSION_ID}',
    cancelUrl: 'http://127.0.0.1:1/cancel',
    metadata: { orgId: input.orgId },
    idempotencyKey: `checkout-${randomUUID()}`,
  });
  const record: CheckoutRecord = {
    sessionId: session.sessionId,
    orgId: input.orgId,
    accountId: input.accountId,
    contactId: input.contactId,
    personId: 'person_test',
    currency: input.currency,
    allocations: input.allocations,
    total,
    status: 'open',
    url: session.url ?? '',
    createdAt: new Date().toISOString(),
    sessionExpiresAt: Math.floor(new Date(session.expiresAt).getTime() / 1000),
  };
  await transact(putCheckoutSteps(record));
  return record;
}

/** Posts a webhook delivery to the API as Stripe would: the exact bytes and their signature. */
export const deliver = (payload: string | Buffer, signature: string) =>
  request('POST', '/v1/webhooks/stripe', undefined, { rawBody: payload, headers: { 'stripe-signature': signature } });

/** Signs a payload with the run's webhook secret (Stripe's scheme), optionally at another time or with another secret. */
export function signed(payload: string, options: { timestamp?: number; secret?: string } = {}): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? local().stripe.webhookSecret,
    ...(options.timestamp && { timestamp: options.timestamp }),
  });
}

/** Every item of an organization's own partitions (the org, its documents, the checkouts): to show a request wrote nothing. */
export async function itemsOf(orgId: string, docIds: string[], sessionIds: string[]): Promise<number> {
  const partitions = [
    keys.organization(orgId).PK,
    ...docIds.map((docId) => keys.document(orgId, docId).PK),
    ...sessionIds.map((sessionId) => keys.checkoutSession(orgId, sessionId).PK),
  ];
  let count = 0;
  for (const pk of partitions) {
    const result = await db().send(
      new QueryCommand({
        TableName: local().dynamodb.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        Select: 'COUNT',
      }),
    );
    count += result.Count ?? 0;
  }
  return count;
}

/** A stored EUR checkout of the setup's contact on the account, for these documents and amounts. */
export const euroCheckout = (setup: { org: { id: string }; contact: { id: string } }, accountId: string, allocations: { docId: string; amount: number }[]) =>
  storedCheckout({ orgId: setup.org.id, accountId, contactId: setup.contact.id, currency: 'EUR', allocations });

/** An organization with a connected account, a contact with portal access and a sent invoice, and a stored checkout for its balance. */
export async function invoiceWithCheckout(total = 10_000) {
  const setup = await portalSetup();
  const invoice = await sentDocument(setup.api, setup.org.id, 'invoices', setup.contact.id, {
    lines: [{ description: 'Work', quantity: 1, unitPrice: total }],
  });
  const accountId = await linkedAccount(setup.org.id);
  const checkout = await euroCheckout(setup, accountId, [{ docId: invoice.id, amount: invoice.balance }]);
  const path = `/v1/orgs/${setup.org.id}/invoices/${invoice.id}`;
  return { ...setup, invoice, accountId, checkout, path };
}

type Api = Awaited<ReturnType<typeof portalSetup>>['api'];

/** The document once it has reached `status` (events are applied after the call that caused them answers). */
export const paidAs = async (api: Api, path: string, status = 'paid') =>
  eventually(async () => {
    const document = (await api.get(path)).body;
    return document.status === status ? document : undefined;
  }, 10_000);

type StaffApi = ReturnType<typeof as>;

/** Connects the organization's Stripe account through the API and onboards it at the double: its account id. */
export async function connectedOrganization(api: StaffApi, orgId: string, { onboarded = true } = {}): Promise<string> {
  const connect = await api.post(`/v1/orgs/${orgId}/stripe/connect`);
  if (connect.status !== 200) throw new Error(`connecting Stripe failed: ${connect.status} ${JSON.stringify(connect.body)}`);
  const { body } = await api.get(`/v1/orgs/${orgId}/stripe`);
  if (onboarded) {
    await control('POST', `/accounts/${body.accountId}/onboard`, { businessName: 'Acme Supplies' });
    // The status read asks Stripe again while the account could not take charges: Portico knows it can from then on.
    const status = await api.get(`/v1/orgs/${orgId}/stripe`);
    if (status.body.chargesEnabled !== true) throw new Error(`the onboarded account cannot take charges: ${JSON.stringify(status.body)}`);
  }
  return body.accountId as string;
}

/** Turns online payments on (with the given partial-payment settings). */
export async function enableOnlinePayments(api: StaffApi, orgId: string, settings: { allowPartial?: boolean; minimumPartial?: number | null } = {}) {
  const response = await api.patch(`/v1/orgs/${orgId}`, { onlinePayments: { enabled: true, allowPartial: false, ...settings } });
  if (response.status !== 200) throw new Error(`enabling online payments failed: ${response.status} ${JSON.stringify(response.body)}`);
}
