import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { newContact } from '../support/contacts.ts';
import { sentDocument } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { settledAging, storedAggregates } from '../support/receivables.ts';
import { newOrganization } from '../support/staff.ts';
import { waitFor } from '../support/wait.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The operator's command, as `npm run backfill-receivables` runs it, against the local table. */
async function backfill(...args: string[]): Promise<string> {
  const { endpoint, tableName } = local().dynamodb;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/backfill-receivables.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint },
  });
  return stdout;
}

const invoice = (unitPrice: number, dueDate: string, currency = 'EUR') => ({
  currency,
  issueDate: '2026-01-05',
  dueDate,
  lines: [{ description: 'Work', quantity: 1, unitPrice }],
});

describe('npm run backfill-receivables', () => {
  it('rebuilds wiped aggregates from the open documents, to the same report and items, and a second run writes nothing', { timeout: 120_000 }, async () => {
    const { org, api } = await newOrganization();
    const [ada, bob] = [await newContact(api, org.id), await newContact(api, org.id)];
    await sentDocument(api, org.id, 'invoices', ada.id, invoice(10_000, '2026-02-04'));
    await sentDocument(api, org.id, 'invoices', ada.id, invoice(2_500, '2026-02-04'));
    await sentDocument(api, org.id, 'invoices', bob.id, invoice(7_000, '2099-03-01', 'USD'));
    const partlyPaid = await sentDocument(api, org.id, 'invoices', bob.id, invoice(40_000, '2026-03-20'));
    expect((await api.post(`/v1/orgs/${org.id}/invoices/${partlyPaid.id}/payments`, { amount: 15_000, date: '2026-03-01' })).status).toBe(201);
    const paid = await sentDocument(api, org.id, 'invoices', ada.id, invoice(3_000, '2026-04-01'));
    expect((await api.post(`/v1/orgs/${org.id}/invoices/${paid.id}/payments`, { amount: 3_000, date: '2026-03-01' })).status).toBe(201);
    // The paid invoice keeps a share of nothing, marking its version until it expires; the open ones theirs.
    const kept = await waitFor(
      () => 'every document to have its share, the paid one of nothing',
      async () => {
        const stored = await storedAggregates(org.id);
        const closed = stored.shares.filter((share) => share.balance === undefined).map((share) => share.docId);
        return stored.shares.length === 5 && closed.join() === paid.id ? stored : undefined;
      },
      20_000,
    );
    const before = await settledAging(api, org.id);
    expect(before.aging.totals.map((row) => [row.currency, row.total])).toEqual([
      ['EUR', 37_500],
      ['USD', 7_000],
    ]);

    // As for an organization whose documents predate the aggregates: nothing kept, the report empty.
    expect(await backfill('--reset', org.id)).toBe(
      `${org.id}: 4 open documents read, 4 brought into the aggregates, ${kept.aggregates.length + kept.shares.length} items cleared first.\n`,
    );
    const rebuilt = await storedAggregates(org.id);
    expect((await api.get(`/v1/orgs/${org.id}/reports/receivables-aging`)).body).toEqual(before.aging);
    // The months the lane brought back to zero (the paid invoice's) are items the report leaves out; the rebuild has no need of them.
    expect(rebuilt.aggregates).toEqual(kept.aggregates.filter((item) => item.total !== 0));
    expect(rebuilt.shares).toEqual(kept.shares.filter((share) => share.docId !== paid.id));

    // Again, and on an organization the consumer lane keeps: every share is at its document's version already.
    expect(await backfill(org.id)).toBe(`${org.id}: 4 open documents read, 0 brought into the aggregates.\n`);
    expect(await storedAggregates(org.id)).toEqual(rebuilt);
    expect((await api.get(`/v1/orgs/${org.id}/reports/receivables-aging`)).body).toEqual(before.aging);
  });

  it('refuses an organization that does not exist and goes on with the others', { timeout: 60_000 }, async () => {
    const { org } = await newOrganization();
    const run = backfill('org_missing', org.id);
    await expect(run).rejects.toMatchObject({
      code: 1,
      stdout: `${org.id}: 0 open documents read, 0 brought into the aggregates.\n`,
      stderr: 'org_missing: no such organization in this table.\n',
    });
  });
});
