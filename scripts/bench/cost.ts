import { randomUUID } from 'node:crypto';
import { schedules } from '../../functions/core/schedules.ts';
import { FUNCTION_MEMORY_MB } from '../../lib/settings/function-memory.ts';
import { type Client, client } from '../local/api-client.ts';
import type { LocalState } from '../local/local-state.ts';
import { connectStripe } from '../local/seed.ts';
import type { Usage } from '../local/usage-meter.ts';

/** AWS list prices, us-east-1, in dollars (docs/operations.md says when they were read). */
export const PRICES = {
  apiRequest: 1.0 / 1e6,
  lambdaRequest: 0.2 / 1e6,
  /** Arm. */
  lambdaGbSecond: 0.0000133334,
  writeUnit: 0.625 / 1e6,
  readUnit: 0.125 / 1e6,
  mail: 0.1 / 1000,
};

const INVOICES = 10_000;
const PASSWORD = 'Bench-Cost-Pass-1!';
const MINUTES_PER_MONTH = 30 * 24 * 60;

export interface CostLine {
  item: string;
  perInvoice: number;
  forInvoices: number;
  dollars: number;
}

export interface InvoiceCost {
  journeys: number;
  lines: CostLine[];
  totalDollars: number;
  /** Invocations of the schedules a month, whatever the volume. */
  scheduleInvocationsPerMonth: number;
  /** Sign-ins and refreshes the portal pool saw per invoice: Cognito bills the persons active in a month, not these. */
  portalAuthenticationsPerInvoice: number;
}

const usageOf = async (state: LocalState, method: 'GET' | 'DELETE'): Promise<Usage> =>
  (await fetch(`${state.usageUrl}/usage`, { method })).json() as Promise<Usage>;

const mailsTo = async (state: LocalState, address?: string) =>
  ((await (await fetch(`${state.sesUrl}/store`)).json()) as { emails: { destination: { to: string[] } }[] }).emails.filter(
    (mail) => !address || mail.destination.to.includes(address),
  ).length;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`waited in vain for ${what}`);
    await pause(50);
  }
}

/** Polls until `probe` answers the same twice in a row `intervalMs` apart: the consumer lane has nothing left to do. */
async function settled<T>(probe: () => Promise<T>, intervalMs = 500, timeoutMs = 60_000): Promise<T> {
  // The bench's own wait, not a test's: quiet is the sign that nothing is left to count.
  const deadline = Date.now() + timeoutMs;
  let last = JSON.stringify(await probe());
  while (Date.now() < deadline) {
    await pause(intervalMs);
    const now = await probe();
    if (JSON.stringify(now) === last) return now;
    last = JSON.stringify(now);
  }
  throw new Error('the local runtime did not settle');
}

/**
 * One invoice's life: staff create and send it; its customer opens the portal,
 * signs in, lists, opens it, downloads the PDF and pays it through Checkout at
 * the Stripe double; Stripe's webhook and the consumer lane do the rest
 * (the mail of the document, the receipt, the staff notice).
 */
async function invoiceJourney(state: LocalState, staff: Client, setup: { orgId: string; portalName: string; contactId: string; email: string }) {
  const { orgId, portalName } = setup;
  const draft = await staff('POST', `/v1/orgs/${orgId}/invoices`, {
    contactId: setup.contactId,
    lines: [{ description: 'Consulting', quantity: 3, unitPrice: 12_000, taxRate: 19 }],
  });
  await staff('POST', `/v1/orgs/${orgId}/invoices/${draft.id}/send`);
  const visitor = client(state.apiUrl);
  await visitor('GET', `/p/${portalName}`);
  const { idToken } = await visitor('POST', `/v1/portal/${portalName}/sessions`, { email: setup.email, password: PASSWORD });
  const person = client(state.apiUrl, idToken);
  await person('GET', `/v1/portal/${portalName}/documents`);
  await person('GET', `/v1/portal/${portalName}/documents/${draft.id}`);
  await person('GET', `/v1/portal/${portalName}/documents/${draft.id}/pdf`);
  const { sessionId } = await person('POST', `/v1/portal/${portalName}/documents/${draft.id}/checkout`);
  const paid = await fetch(`${state.stripe.apiUrl}/_control/checkout/sessions/${sessionId}/pay`, { method: 'POST' });
  if (!paid.ok) throw new Error(`paying ${sessionId} at the double: ${paid.status} ${await paid.text()}`);
}

/**
 * The cost of 10,000 invoices sent, viewed and paid, from what `journeys`
 * invoice journeys were counted using against the metered local runtime: API
 * requests, Lambda invocations and billed milliseconds, DynamoDB request units
 * as DynamoDB reports them, mails the emulator received.
 */
export async function invoiceCost(state: LocalState, staffToken: string, journeys: number): Promise<InvoiceCost> {
  if (!state.usageUrl) throw new Error('the local runtime was started without --meter');
  const staff = client(state.apiUrl, staffToken);
  const portalName = `cost-${randomUUID().slice(0, 8)}`;
  const org = await staff('POST', '/v1/orgs', { name: `Cost Trading ${portalName}`, portalName, currency: 'EUR' });
  await connectStripe(staff, state.stripe.apiUrl, org.id, org.name);
  const email = `payer-${portalName}@example.test`;
  const contact = await staff('POST', `/v1/orgs/${org.id}/contacts`, { name: 'Paying Customer', email });
  await staff('POST', `/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, {
    personIds: [contact.persons[0].id],
    password: PASSWORD,
    passwordPermanent: true,
  });
  const setup = { orgId: org.id, portalName, contactId: contact.id, email };

  await settled(() => usageOf(state, 'GET'));
  await usageOf(state, 'DELETE');
  const mailsBefore = await mailsTo(state);
  for (let index = 0; index < journeys; index++) {
    await invoiceJourney(state, staff, setup);
    // The customer has the invoice's mail and the payment's receipt: the payment went through (read from the mailbox, which nothing bills).
    await until(`the receipt of invoice ${index + 1}`, async () => (await mailsTo(state, email)) >= 2 * (index + 1));
  }
  const usage = await settled(() => usageOf(state, 'GET'));
  const mails = (await mailsTo(state)) - mailsBefore;

  const perInvoice = (total: number) => total / journeys;
  const invocations = usage.apiRequests + usage.consumerInvocations;
  const gbSeconds = ((usage.billedMs / 1000) * FUNCTION_MEMORY_MB) / 1024;
  const line = (item: string, total: number, price: number): CostLine => ({
    item,
    perInvoice: perInvoice(total),
    forInvoices: perInvoice(total) * INVOICES,
    dollars: perInvoice(total) * INVOICES * price,
  });
  const lines = [
    line('API Gateway HTTP API requests', usage.apiRequests, PRICES.apiRequest),
    line('Lambda requests (API and consumers)', invocations, PRICES.lambdaRequest),
    line(`Lambda compute, GB-seconds (${FUNCTION_MEMORY_MB} MB, billed ms as measured here)`, gbSeconds, PRICES.lambdaGbSecond),
    line('DynamoDB write request units', usage.writeUnits + usage.refusedWrites, PRICES.writeUnit),
    line('DynamoDB read request units', usage.readUnits, PRICES.readUnit),
    line('SES mails', mails, PRICES.mail),
  ];
  const scheduleInvocationsPerMonth = Object.values(schedules).reduce((total, schedule) => total + MINUTES_PER_MONTH / schedule.rate, 0);
  return {
    journeys,
    lines,
    totalDollars: lines.reduce((total, row) => total + row.dollars, 0),
    scheduleInvocationsPerMonth,
    portalAuthenticationsPerInvoice: perInvoice(usage.portalAuthentications),
  };
}

export function printInvoiceCost(cost: InvoiceCost) {
  console.log(
    `\ncost of ${INVOICES.toLocaleString('en')} invoices sent, viewed and paid (counted over ${cost.journeys} invoice journeys; prices in docs/operations.md)`,
  );
  console.log(`${'item'.padEnd(68)} ${'per invoice'.padStart(11)} ${`× ${INVOICES}`.padStart(12)} ${'dollars'.padStart(8)}`);
  for (const row of cost.lines)
    console.log(
      `${row.item.padEnd(68)} ${row.perInvoice.toFixed(2).padStart(11)} ${Math.round(row.forInvoices).toLocaleString('en').padStart(12)} ${row.dollars.toFixed(2).padStart(8)}`,
    );
  console.log(`${'AWS total without Cognito'.padEnd(93)} ${cost.totalDollars.toFixed(2).padStart(8)}`);
  console.log(
    `(Cognito: ${cost.portalAuthenticationsPerInvoice.toFixed(1)} portal sign-ins per invoice; the pool bills monthly active persons, priced per plan in docs/operations.md)`,
  );
  console.log(
    `(schedules: ${cost.scheduleInvocationsPerMonth.toLocaleString('en')} invocations a month whatever the volume, $${(cost.scheduleInvocationsPerMonth * PRICES.lambdaRequest).toFixed(3)} in requests)`,
  );
}
