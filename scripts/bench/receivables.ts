import type { Context } from 'aws-lambda';
import { keys } from '../../functions/core/db/keys.ts';
import { documentItem } from '../../functions/core/documents/repository.ts';
import { listAggregates } from '../../functions/core/receivables/aggregate-repository.ts';
import { backfillAggregates } from '../../functions/core/receivables/backfill.ts';
import { type RouteKey, routes } from '../../functions/routes.ts';
import type { Client } from '../local/api-client.ts';
import type { InvokeWithEnvironment } from '../local/function-environment.ts';
import { gatewayEvent } from './cold-start.ts';
import { measure, measureAlternating } from './measure.ts';
import { benchDocument, newBenchOrganization, paymentItem, writeItems } from './seed.ts';

/** Due months the open invoices are spread over, with the contacts: once every contact has some in every month, the aggregates stop growing. */
const MONTHS = 12;

export interface ReceivablesSizes {
  /** Contacts of each aging organization. */
  contacts: number;
  /** Open invoices of the smaller and the larger organization. */
  smallInvoices: number;
  largeInvoices: number;
  /** Documents of the one contact whose statement is read. */
  statementDocuments: number;
  requests: number;
}

export interface ReceivablesFigures {
  aging: {
    small: { invoices: number; aggregateItems: number; p50Ms: number };
    large: { invoices: number; aggregateItems: number; p50Ms: number };
    ratio: number;
  };
  statement: { documents: number; lines: number; bytes: number; p50Ms: number };
}

type Handler = (event: unknown, context: Context) => Promise<{ statusCode: number; body?: string }>;

/**
 * Sent invoices written as the document writer stores them (with `payments`,
 * every third half paid, with its payment), then the organization's aggregates built from them
 * by the operator's rebuild, which brings each document into them exactly as
 * its `receivable.changed` event would.
 */
async function seedInvoices(
  staff: Client,
  invoke: InvokeWithEnvironment,
  contacts: number,
  count: number,
  dates: (index: number) => { issueDate: string; dueDate: string },
  payments: boolean,
) {
  const { orgId, contactIds } = await newBenchOrganization(staff, contacts);
  const now = new Date().toISOString();
  const items: Record<string, unknown>[] = [];
  invoke({ table: 'readwrite' }, () => {
    for (let index = 0; index < count; index++) {
      const contactId = contactIds[index % contacts]!;
      const document = benchDocument({
        orgId,
        kind: 'invoice',
        contactId,
        sequence: index + 1,
        index,
        ...dates(index),
        now,
        paidHalf: payments && index % 3 === 0,
      });
      items.push(documentItem(document));
      if (document.amountPaid) items.push(paymentItem(document, now));
    }
  });
  for (const contactId of contactIds) items.push({ ...keys.contactHasDocuments(orgId, contactId), type: 'contactHasDocuments', contactId });
  items.push({ ...keys.sequence(orgId, 'invoice'), type: 'sequence', value: count });
  await writeItems(invoke, items);
  await invoke({ table: 'readwrite' }, () => backfillAggregates(orgId));
  return { orgId, contactIds };
}

const day = (index: number) => String(1 + (index % 28)).padStart(2, '0');

/** A route's handler called in this process, as the local gateway would call it for the bench's staff user. */
async function routeCall(
  invoke: InvokeWithEnvironment,
  route: RouteKey,
  path: string,
  params: Record<string, string>,
  claims: Record<string, unknown>,
  query = {},
) {
  const spec = routes[route];
  const { handler } = (await import(`../../functions/${spec.entry}.ts`)) as { handler: Handler };
  return () =>
    invoke(spec.needs, async () => {
      const response = await handler({ ...gatewayEvent(route, path, params, claims), queryStringParameters: query }, { awsRequestId: 'bench' } as Context);
      if (response.statusCode !== 200) throw new Error(`${route}: ${response.statusCode} ${response.body ?? ''}`);
      return response.body ?? '';
    });
}

/**
 * Receivables as a business grows: the aging report's handler for an
 * organization with few open invoices against one with ten times as many
 * (alternating rounds, p50), and a statement page of a contact with many
 * documents (its bytes and p50).
 */
export async function benchReceivables(staff: Client, invoke: InvokeWithEnvironment, staffToken: string, sizes: ReceivablesSizes): Promise<ReceivablesFigures> {
  const started = Date.now();
  const claims = JSON.parse(Buffer.from(staffToken.split('.')[1]!, 'base64url').toString());
  const agingOf = async (invoices: number) => {
    const { orgId } = await seedInvoices(
      staff,
      invoke,
      sizes.contacts,
      invoices,
      (index) => ({
        issueDate: '2026-01-01',
        dueDate: `2026-${String(1 + (Math.floor(index / sizes.contacts) % MONTHS)).padStart(2, '0')}-${day(index)}`,
      }),
      false,
    );
    const aggregateItems = (await invoke({ table: 'read' }, () => listAggregates(orgId))).length;
    const path = `/v1/orgs/${orgId}/reports/receivables-aging`;
    return { invoices, aggregateItems, call: await routeCall(invoke, 'GET /v1/orgs/{orgId}/reports/receivables-aging', path, { orgId }, claims) };
  };
  const small = await agingOf(sizes.smallInvoices);
  const large = await agingOf(sizes.largeInvoices);
  const statementOrg = await seedInvoices(
    staff,
    invoke,
    1,
    sizes.statementDocuments,
    (index) => ({
      issueDate: `2026-${String(1 + (index % 11)).padStart(2, '0')}-${day(index)}`,
      dueDate: '2026-12-31',
    }),
    true,
  );
  console.log(
    `\nreceivables: seeded ${small.invoices} and ${large.invoices} open invoices (${small.aggregateItems} and ${large.aggregateItems} aggregate items) and a contact with ${sizes.statementDocuments} documents in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  const timings = await measureAlternating(
    sizes.requests,
    1,
    Math.max(1, Math.round(sizes.requests / 10)),
    async () => {
      await small.call();
    },
    async () => {
      await large.call();
    },
  );
  const [contactId] = statementOrg.contactIds as [string];
  const statement = await routeCall(
    invoke,
    'GET /v1/orgs/{orgId}/contacts/{contactId}/statement',
    `/v1/orgs/${statementOrg.orgId}/contacts/${contactId}/statement`,
    { orgId: statementOrg.orgId, contactId },
    claims,
    // The whole year and the largest page: the most a page can weigh.
    { from: '2026-01-01', to: '2026-12-31', limit: '200' },
  );
  const page = await statement();
  // A page reads the contact's whole period (its balances and totals): fewer calls, each the size of its documents.
  const statementTiming = await measure('statement page', Math.max(1, Math.round(sizes.requests / 5)), 1, async () => {
    await statement();
  });

  const figures: ReceivablesFigures = {
    aging: {
      small: { invoices: small.invoices, aggregateItems: small.aggregateItems, p50Ms: timings.a },
      large: { invoices: large.invoices, aggregateItems: large.aggregateItems, p50Ms: timings.b },
      ratio: timings.b / timings.a,
    },
    statement: {
      documents: sizes.statementDocuments,
      lines: (JSON.parse(page) as { lines: unknown[] }).lines.length,
      bytes: Buffer.byteLength(page),
      p50Ms: statementTiming.p50,
    },
  };
  printReceivables(figures, sizes.requests);
  return figures;
}

function printReceivables({ aging, statement }: ReceivablesFigures, requests: number) {
  console.log(`aging report handler, p50 of ${requests} calls each in alternating rounds:`);
  for (const row of [aging.small, aging.large])
    console.log(
      `  ${String(row.invoices).padStart(6)} open invoices  ${String(row.aggregateItems).padStart(4)} aggregate items  ${row.p50Ms.toFixed(1).padStart(7)} ms`,
    );
  console.log(`  ratio ${aging.ratio.toFixed(2)} (≤ 1.3: ${aging.ratio <= 1.3 ? 'within 1.3×' : 'NOT within 1.3×'})`);
  console.log(
    `statement page of a contact with ${statement.documents} documents: ${statement.lines} lines, ${(statement.bytes / 1024).toFixed(1)} KB (< 100 KB: ${statement.bytes < 100 * 1024 ? 'yes' : 'NO'}), p50 of ${Math.max(1, Math.round(requests / 5))} calls ${statement.p50Ms.toFixed(1)} ms`,
  );
}
