import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { routeList } from '../../functions/routes.ts';
import { apiDocument } from '../../scripts/generate-route-artifacts.ts';

const workDir = mkdtempSync(join(tmpdir(), 'portico-openapi-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

/** `redocly lint` with its recommended rules; the report is the JSON object on stdout (banners go around it). */
async function lint(document: unknown): Promise<LintReport> {
  const path = join(workDir, 'openapi.json');
  writeFileSync(path, JSON.stringify(document));
  const run = promisify(execFile)('node_modules/.bin/redocly', ['lint', '--format=json', path], {
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  // It exits non-zero when it finds errors; the report is on stdout either way.
  const { stdout } = await run.catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return JSON.parse(stdout.slice(stdout.indexOf('{'), stdout.lastIndexOf('}') + 1)) as LintReport;
}

/** Every property name declared anywhere in these schemas. */
const propertyNames = (node: unknown): string[] =>
  typeof node !== 'object' || node === null
    ? []
    : Object.entries(node).flatMap(([key, value]) =>
        key === 'properties' ? [...Object.keys(value as object), ...propertyNames(value)] : propertyNames(value),
      );

describe('the API description', () => {
  const document = apiDocument();
  const operations = Object.values(document.paths).flatMap((byMethod) => Object.values(byMethod)) as {
    operationId: string;
    tags: string[];
    summary: string;
    description: string;
    parameters: unknown[];
    requestBody?: { content: { 'application/json': { example?: unknown } } };
    responses: Record<string, { description?: string }>;
  }[];

  it('passes redocly lint (recommended rules) without errors', async () => {
    const report = await lint(document);
    const errors = report.problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.ruleId} ${problem.location[0]?.pointer}`);
    expect(errors).toEqual([]);
    expect(report.totals.warnings).toBeLessThanOrEqual(2);
  }, 60_000);

  it('documents a reply and the error statuses of every route', () => {
    expect(operations).toHaveLength(routeList().length);
    expect(new Set(operations.map((operation) => operation.operationId)).size).toBe(operations.length);
    const staffRead = document.paths['/v1/orgs/{orgId}/{kind}/{docId}']!.get as { responses: Record<string, unknown> };
    // Every role may read, but an organization that requires MFA refuses a sign-in without it.
    expect(Object.keys(staffRead.responses)).toEqual(['200', '400', '401', '403', '404']);
    const payment = document.paths['/v1/orgs/{orgId}/{kind}/{docId}/payments']!.post as { responses: Record<string, unknown> };
    expect(Object.keys(payment.responses)).toEqual(['201', '400', '401', '403', '404', '409', '413', '422']);
    const page = document.paths['/p/{portalName}/{page}']!.get as { responses: Record<string, { content?: Record<string, unknown> }> };
    expect(Object.keys(page.responses['404']!.content!)).toEqual(['text/html']);
  });

  it('gives portal persons no staff bookkeeping, and nobody a key or internal attribute', () => {
    const { schemas } = document.components;
    const fields = (name: string) => Object.keys((schemas[name] as { properties: Record<string, unknown> }).properties);
    expect(fields('StaffDocument')).toEqual(expect.arrayContaining(['createdBy', 'version']));
    expect(fields('PortalDocument')).not.toContain('createdBy');
    expect(fields('PortalDocument')).not.toContain('version');
    const internal = /^(PK|SK|GSI\dPK|GSI\dSK|orgId|sequence|expiresAt|recordedBy|username|accessGrantedAt|grantId|tokenHash)$/;
    expect(propertyNames(schemas).filter((name) => internal.test(name))).toEqual([]);
  });

  it('describes every operation beyond its summary, under a tag the document describes', () => {
    const tags = new Map(document.tags?.map((tag) => [tag.name, tag.description]));
    for (const operation of operations) {
      expect(operation.description.length, operation.operationId).toBeGreaterThan(operation.summary.length);
      expect(operation.tags).toHaveLength(1);
      expect(tags.get(operation.tags[0]!), operation.tags[0]).toBeTruthy();
    }
  });

  it.each(routeList().filter((route) => route.body))('gives $key an example body that its body schema accepts', (route) => {
    expect(route.example).toBeDefined();
    expect(route.body!.safeParse(route.example).error?.issues).toBeUndefined();
    const operation = (document.paths[route.path] as Record<string, (typeof operations)[number]>)[route.method.toLowerCase()]!;
    expect(operation.requestBody!.content['application/json'].example).toEqual(route.example);
  });

  it('declares Idempotency-Key where a handler honours it, and the error codes a route can answer', () => {
    const idempotent = operations.filter((operation) => operation.parameters.some((parameter) => JSON.stringify(parameter).includes('IdempotencyKey')));
    expect(idempotent.map((operation) => operation.operationId).sort()).toEqual(
      [
        'documentsCreateDocument',
        'paymentsRecordPayment',
        'paymentsRefundPayment',
        'portalPayDocument',
        'portalPayDocuments',
        'receivablesEmailStatement',
      ].sort(),
    );
    const remove = document.paths['/v1/orgs/{orgId}/{kind}/{docId}']!.delete as (typeof operations)[number];
    expect(remove.responses['409']!.description).toContain('`NOT_LATEST_NUMBER`');
    const refund = document.paths['/v1/orgs/{orgId}/payments/{paymentId}/refunds']!.post as (typeof operations)[number];
    expect(refund.responses['422']!.description).toContain('`NOT_REFUNDABLE`');
  });

  it('says in every rate that a small rate is a real percentage', () => {
    const rates = JSON.stringify(document).match(/"(taxRate|rate)":\{[^}]*\}/g) ?? [];
    expect(rates.length).toBeGreaterThan(0);
    for (const rate of rates) expect(rate).toMatch(/0\.25 %/);
  });
});
