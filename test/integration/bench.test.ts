import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

// The bench's short run, so `npm run bench` cannot break unnoticed; its figures are checked for shape, never for speed.
describe('npm run bench -- --short', () => {
  it('runs every part of the bench and prints its figures as the last line', { timeout: 900_000 }, async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--short'], {
      cwd: projectRoot,
      maxBuffer: 16 * 1024 * 1024,
    });
    const figures = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(figures.short).toBe(true);
    expect(figures.routes.map((row: { route: string }) => row.route)).toEqual([
      'GET /v1/portal/{portalName}/documents',
      'GET /v1/portal/{portalName}/documents/{docId}',
      'GET /v1/portal/{portalName}',
      'POST /v1/portal/{portalName}/sessions',
      'POST /v1/orgs/{orgId}/{kind}',
      'GET /v1/orgs/{orgId}/contacts',
    ]);
    for (const row of figures.routes) {
      expect(row.calls).toBeGreaterThan(0);
      expect(row.byConcurrency.map((at: { concurrency: number }) => at.concurrency)).toEqual([1, 8]);
    }
    expect(figures.bundles.map((bundle: { function: string }) => bundle.function).sort()).toEqual([
      'LogoBucketReadTableReadPdf',
      'PortalPersonTableRead',
      'PortalPersonTableReadwrite',
    ]);
    for (const bundle of figures.bundles) expect(bundle.bytes).toBeGreaterThan(bundle.appBytes);
    expect(figures.coldStart.function).toBe('PortalPersonTableRead');
    expect(figures.journey.filter((step: { cold: boolean }) => step.cold).map((step: { functionName: string }) => step.functionName)).toEqual([
      'PortalPersonTableRead',
      'PortalPersonTableReadwrite',
      'LogoBucketReadTableReadPdf',
    ]);
    expect(Object.keys(figures.targets)).toEqual([
      'portalListKbOutsideSdk',
      'portalListColdStartRatio',
      'journeyColdStarts',
      'worstHandlerRatioAtConcurrency1',
      'receivablesAgingRatio',
      'statementPageKb',
    ]);
    // Receivables at scale, shortened: the aging report of 100 open invoices against 1,000, a statement page of 300 documents.
    // 8 contacts over 12 due months: every contact-month has some at 100 invoices already, so both read the same 108 items.
    expect(figures.receivables.aging.small).toMatchObject({ invoices: 100, aggregateItems: 108 });
    expect(figures.receivables.aging.large).toMatchObject({ invoices: 1_000, aggregateItems: 108 });
    expect(figures.receivables.aging.ratio).toBeGreaterThan(0);
    expect(figures.receivables.statement).toMatchObject({ documents: 300, lines: 200 });
    expect(figures.targets.statementPageKb.met).toBe(true);
    // An invoice's life through the metered runtime: 8 requests of staff and customer and Stripe's webhook; the document's mail, the receipt, the staff notice.
    const perInvoice = Object.fromEntries(
      figures.cost.lines.map((line: { item: string; perInvoice: number }) => [line.item.split(' (')[0]!.split(',')[0], line.perInvoice]),
    );
    expect(figures.cost.journeys).toBe(2);
    expect([perInvoice['API Gateway HTTP API requests'], perInvoice['SES mails'], figures.cost.portalAuthenticationsPerInvoice]).toEqual([9, 3, 1]);
    expect(perInvoice['DynamoDB write request units']).toBeGreaterThan(0);
    expect(perInvoice['DynamoDB read request units']).toBeGreaterThan(0);
    expect(perInvoice['Lambda compute']).toBeGreaterThan(0);
    // Sizes, unlike speeds, do not move with the machine's load: the portal list's function stays within 250 KB outside the SDK.
    expect([figures.targets.journeyColdStarts.met, figures.targets.portalListKbOutsideSdk.met]).toEqual([true, true]);
  });
});
