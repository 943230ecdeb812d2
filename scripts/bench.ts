/**
 * Latency and throughput of the document paths against the local runtime
 * (DynamoDB Local in memory, cognito-local, the SES emulator, the gateway),
 * started here as the integration tests start it. Prints figures; asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { runInBackground } from './local/run-in-background.ts';
import { ensureStaffUser } from './local/seed.ts';

const SAMPLES = 200;
const CONCURRENT_CREATES = 500;
const PASSWORD = 'Bench-Password-1!';

function client(apiUrl: string, token?: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

async function timed(samples: number, run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const durations: number[] = [];
  for (let index = 0; index < samples; index++) {
    const start = performance.now();
    await run();
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  const at = (quantile: number) => durations[Math.min(durations.length - 1, Math.floor(quantile * durations.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

const invoiceBody = (contactId: string) => ({ contactId, lines: [{ description: 'Consulting', quantity: 2.5, unitPrice: 12000, taxRate: 19 }, { description: 'Travel', quantity: 1, unitPrice: 4500, taxRate: 7 }] });

async function main() {
  // Local services accept any credentials; the SDK only needs some to sign with.
  Object.assign(process.env, { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  process.stdout.write('Starting the local runtime…\n');
  const { state, stop } = await runInBackground();
  try {
    const staffToken = await ensureStaffUser(state.cognito.endpoint, state.cognito.staff, `bench-${randomUUID()}@example.test`, PASSWORD);
    const staff = client(state.apiUrl, staffToken);
    const portalName = `bench-${randomUUID().slice(0, 8)}`;
    const org = await staff('POST', '/v1/orgs', { name: 'Bench Ltd', portalName, currency: 'EUR' });
    const email = `person-${randomUUID().slice(0, 8)}@example.test`;
    const contact = await staff('POST', `/v1/orgs/${org.id}/contacts`, { name: 'Bench Customer', email });
    await staff('POST', `/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [contact.persons[0].id], password: PASSWORD, passwordPermanent: true });
    const { idToken } = await client(state.apiUrl)('POST', `/v1/portal/${portalName}/sessions`, { email, password: PASSWORD });
    const person = client(state.apiUrl, idToken);

    const create = await timed(SAMPLES, () => staff('POST', `/v1/orgs/${org.id}/invoices`, invoiceBody(contact.id), { 'idempotency-key': randomUUID() }));
    const sent: { id: string }[] = [];
    for (let index = 0; index < 20; index++) {
      const draft = await staff('POST', `/v1/orgs/${org.id}/invoices`, invoiceBody(contact.id));
      sent.push(await staff('POST', `/v1/orgs/${org.id}/invoices/${draft.id}/send`));
    }
    const list = await timed(SAMPLES, () => person('GET', `/v1/portal/${portalName}/documents?limit=25`));
    let next = 0;
    const readOne = await timed(SAMPLES, () => person('GET', `/v1/portal/${portalName}/documents/${sent[next++ % sent.length]!.id}`));

    const burstOrg = await staff('POST', '/v1/orgs', { name: 'Burst Ltd', currency: 'EUR' });
    const burstContact = await staff('POST', `/v1/orgs/${burstOrg.id}/contacts`, { name: 'Burst Customer', email: `burst-${randomUUID().slice(0, 8)}@example.test` });
    const start = performance.now();
    const created = await Promise.all(
      Array.from({ length: CONCURRENT_CREATES }, () => staff('POST', `/v1/orgs/${burstOrg.id}/invoices`, invoiceBody(burstContact.id), { 'idempotency-key': randomUUID() })),
    );
    const seconds = (performance.now() - start) / 1000;
    const numbers = new Set(created.map((invoice: { number: string }) => invoice.number));

    const row = (name: string, figures: { p50: number; p95: number }) => `  ${name.padEnd(28)} p50 ${figures.p50.toFixed(1).padStart(6)} ms   p95 ${figures.p95.toFixed(1).padStart(6)} ms\n`;
    process.stdout.write(`\nSequential requests (${SAMPLES} each), local runtime:\n`);
    process.stdout.write(row('create invoice', create));
    process.stdout.write(row('portal list (25 per page)', list));
    process.stdout.write(row('portal read one', readOne));
    process.stdout.write(
      `\n${CONCURRENT_CREATES} concurrent invoice creates: ${seconds.toFixed(1)} s, ${(CONCURRENT_CREATES / seconds).toFixed(0)} creates/s, ${numbers.size} distinct numbers\n`,
    );
  } finally {
    stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
