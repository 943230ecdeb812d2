import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../functions/core/openapi.ts';
import { routeList } from '../../functions/routes.ts';

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
  const document = openApiDocument(routeList());
  const operations = Object.values(document.paths).flatMap((byMethod) => Object.values(byMethod)) as {
    operationId: string;
    responses: Record<string, unknown>;
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
    const internal = /^(PK|SK|GSI\dPK|GSI\dSK|orgId|sequence|expiresAt|recordedBy|username|accessGrantedAt|tokenHash)$/;
    expect(propertyNames(schemas).filter((name) => internal.test(name))).toEqual([]);
  });
});
