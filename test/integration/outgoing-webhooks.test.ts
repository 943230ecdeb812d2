import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedules } from '../../functions/core/schedules.ts';
import { handler as retryWebhooks } from '../../functions/schedules/retry-webhooks.ts';
import { environmentInvoker } from '../../scripts/local/function-environment.ts';
import type { as } from '../support/api.ts';
import { newContact } from '../support/contacts.ts';
import { sentDocument } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { newOrganization } from '../support/staff.ts';
import { waitFor } from '../support/wait.ts';
import { startReceiver } from '../support/webhook-receiver.ts';

type Api = ReturnType<typeof as>;

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

/** The retry schedule's own handler, in its function's environment, as EventBridge Scheduler would run it at `asOf`. */
const runRetries = (asOf: string) => environmentInvoker(local())(schedules.retryWebhooks.needs, () => retryWebhooks({ asOf }));

async function endpointFor(api: Api, orgId: string, events: string[], path?: string) {
  const response = await api.post(`/v1/orgs/${orgId}/webhooks`, { url: receiver.url(path), events });
  expect(response.status).toBe(201);
  receiver.secrets.push(response.body.secret);
  return response.body as { id: string; secret: string };
}

const deliveries = async (api: Api, orgId: string, endpointId: string) => (await api.get(`/v1/orgs/${orgId}/webhooks/${endpointId}/deliveries`)).body.items;

/** Waits until the delivery of an event type has `count` attempts. */
const attempted = (api: Api, orgId: string, endpointId: string, type: string, count: number) =>
  waitFor(
    () => `${count} attempts at ${type}`,
    async () =>
      (await deliveries(api, orgId, endpointId)).find(
        (item: { eventType: string; attempts: unknown[] }) => item.eventType === type && item.attempts.length === count,
      ),
    10_000,
  );

describe('outgoing webhooks', () => {
  it('signs every delivery, retries failures with backoff until accepted, and logs each attempt', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const endpoint = await endpointFor(api, org.id, ['invoice.sent', 'payment.received', 'invoice.paid']);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect((await api.get(`/v1/orgs/${org.id}/webhooks`)).body.items).toEqual([
      {
        id: endpoint.id,
        url: receiver.url(),
        events: ['invoice.sent', 'payment.received', 'invoice.paid'],
        status: 'enabled',
        disabledReason: null,
        createdAt: expect.any(String),
      },
    ]);

    receiver.answerNext(500, 503);
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    const first = await attempted(api, org.id, endpoint.id, 'invoice.sent', 1);
    expect(first).toMatchObject({ status: 'pending', attempts: [{ status: 500, error: null, manual: false }] });
    // One minute after the first failure, then five after the second.
    expect(Date.parse(first.nextAttemptAt) - Date.parse(first.attempts[0].at)).toBe(60_000);
    expect(await runRetries(first.nextAttemptAt)).toEqual({ attempted: 1 });
    const second = await attempted(api, org.id, endpoint.id, 'invoice.sent', 2);
    expect(Date.parse(second.nextAttemptAt) - Date.parse(second.attempts[1].at)).toBe(5 * 60_000);
    expect(await runRetries(second.nextAttemptAt)).toEqual({ attempted: 1 });
    const done = await attempted(api, org.id, endpoint.id, 'invoice.sent', 3);
    expect(done).toMatchObject({ status: 'delivered', nextAttemptAt: null });
    expect((done.attempts as { status: number }[]).map((attempt) => attempt.status)).toEqual([500, 503, 200]);
    // Nothing is due any more.
    expect(await runRetries(second.nextAttemptAt)).toEqual({ attempted: 0 });

    const sent = receiver.received.filter((entry) => entry.body.orgId === org.id && entry.type === 'invoice.sent');
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((entry) => entry.id)).size).toBe(1);
    expect(receiver.accepted('invoice.sent').filter((entry) => entry.body.orgId === org.id)).toHaveLength(1);
    expect(sent[2]!.body).toEqual({
      id: done.id,
      type: 'invoice.sent',
      createdAt: expect.any(String),
      orgId: org.id,
      data: {
        document: {
          id: invoice.id,
          kind: 'invoice',
          number: 'INV-000001',
          status: 'sent',
          contactId: contact.id,
          currency: 'EUR',
          total: 11900,
          balance: 11900,
          issueDate: invoice.issueDate,
          dueDate: invoice.dueDate ?? null,
        },
      },
    });

    // Paid in full: payment.received and invoice.paid, each once, each verified.
    await api.post(`/v1/orgs/${org.id}/invoices/${invoice.id}/payments`, { amount: 11900 });
    await attempted(api, org.id, endpoint.id, 'invoice.paid', 1);
    await attempted(api, org.id, endpoint.id, 'payment.received', 1);
    const ofOrg = receiver.received.filter((entry) => entry.body.orgId === org.id);
    expect(ofOrg.map((entry) => entry.type).sort()).toEqual(['invoice.paid', 'invoice.sent', 'invoice.sent', 'invoice.sent', 'payment.received']);
    expect(ofOrg.every((entry) => entry.verifiedWith.length === 1)).toBe(true);
    expect(ofOrg.find((entry) => entry.type === 'payment.received')!.body.data).toMatchObject({ payment: { amount: 11900, currency: 'EUR' } });
  });

  it('disables an endpoint that answers 410 Gone and sends it nothing more', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const gone = await endpointFor(api, org.id, ['invoice.sent'], '/gone');
    const kept = await endpointFor(api, org.id, ['invoice.sent']);
    await sentDocument(api, org.id, 'invoices', contact.id);
    expect(await attempted(api, org.id, gone.id, 'invoice.sent', 1)).toMatchObject({ status: 'failed', attempts: [{ status: 410 }], nextAttemptAt: null });
    const endpoints = (await api.get(`/v1/orgs/${org.id}/webhooks`)).body.items;
    expect(endpoints.find((item: { id: string }) => item.id === gone.id)).toMatchObject({ status: 'disabled', disabledReason: 'gone' });

    await sentDocument(api, org.id, 'invoices', contact.id);
    await waitFor(
      () => 'the second invoice at the kept endpoint',
      async () => ((await deliveries(api, org.id, kept.id)).length === 2 ? true : undefined),
      10_000,
    );
    expect(await deliveries(api, org.id, gone.id)).toHaveLength(1);
    expect(receiver.received.filter((entry) => entry.body.orgId === org.id && entry.answered === 410)).toHaveLength(1);
  });

  it('signs with both secrets during a rotation, and redelivers by hand', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const endpoint = await endpointFor(api, org.id, ['invoice.sent']);
    const rotated = await api.post(`/v1/orgs/${org.id}/webhooks/${endpoint.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    expect(Date.parse(rotated.body.previousSecretValidUntil) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    receiver.secrets.push(rotated.body.secret);
    const [oldIndex, newIndex] = [receiver.secrets.indexOf(endpoint.secret), receiver.secrets.indexOf(rotated.body.secret)];

    await sentDocument(api, org.id, 'invoices', contact.id);
    const [delivery] = [await attempted(api, org.id, endpoint.id, 'invoice.sent', 1)];
    const redelivered = await api.post(`/v1/orgs/${org.id}/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`);
    expect(redelivered.body).toMatchObject({
      status: 'delivered',
      attempts: [
        { status: 200, manual: false },
        { status: 200, manual: true },
      ],
    });
    const seen = receiver.received.filter((entry) => entry.body.orgId === org.id);
    expect(seen.map((entry) => entry.verifiedWith.sort())).toEqual([[oldIndex, newIndex].sort(), [oldIndex, newIndex].sort()]);
    expect(seen.map((entry) => entry.id)).toEqual([delivery.id, delivery.id]);
  });

  it('refuses URLs to private and link-local addresses, and plain http beyond loopback', async () => {
    const { org, api } = await newOrganization();
    for (const url of [
      'https://10.1.2.3/hooks',
      'https://192.168.1.20/hooks',
      'http://169.254.169.254/latest/meta-data',
      'https://[fd00::1]/hooks',
      'http://example.com/hooks',
      'ftp://127.0.0.1/',
    ]) {
      const response = await api.post(`/v1/orgs/${org.id}/webhooks`, { url, events: ['invoice.sent'] });
      expect({ url, status: response.status, code: response.body.error?.code }).toEqual({ url, status: 422, code: 'WEBHOOK_URL_REFUSED' });
    }
    expect((await api.get(`/v1/orgs/${org.id}/webhooks`)).body.items).toEqual([]);
  });

  it('refuses a redirect to a private address at delivery', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const endpoint = await endpointFor(api, org.id, ['invoice.sent'], '/redirect');
    receiver.redirectTo('http://10.0.0.1/steal');
    await sentDocument(api, org.id, 'invoices', contact.id);
    expect(await attempted(api, org.id, endpoint.id, 'invoice.sent', 1)).toMatchObject({ status: 'pending', attempts: [{ status: null, error: 'refused' }] });
  });

  it("keeps each organization's endpoints and deliveries to itself", async () => {
    const owner = await newOrganization();
    const other = await newOrganization();
    const endpoint = await endpointFor(owner.api, owner.org.id, ['invoice.sent']);
    expect((await other.api.get(`/v1/orgs/${other.org.id}/webhooks/${endpoint.id}/deliveries`)).status).toBe(404);
    expect((await other.api.delete(`/v1/orgs/${other.org.id}/webhooks/${endpoint.id}`)).status).toBe(404);
    expect((await other.api.post(`/v1/orgs/${other.org.id}/webhooks/${endpoint.id}/rotate-secret`)).status).toBe(404);
    expect((await owner.api.delete(`/v1/orgs/${owner.org.id}/webhooks/${endpoint.id}`)).status).toBe(204);
    expect((await owner.api.get(`/v1/orgs/${owner.org.id}/webhooks`)).body.items).toEqual([]);
  });
});
