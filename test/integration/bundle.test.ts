import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/core/routes.ts';
import { bundleEnvironment, bundleHandler } from '../../scripts/bundle-handler.ts';
import { local } from '../support/local.ts';
import { newOrganization } from '../support/staff.ts';

const workDir = mkdtempSync(join(tmpdir(), 'portico-bundle-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('the deployed bundle', () => {
  it("runs in a bare Node process (no node_modules, no TypeScript) against DynamoDB Local, given only its needs' variables", async () => {
    const { org } = await newOrganization();
    const bundle = join(workDir, 'index.mjs');
    const bytes = await bundleHandler('portal/get-portal-info', bundle);
    expect(bytes).toBeLessThan(1_000_000);

    const event = { rawPath: `/v1/portal/${org.portalName}`, pathParameters: { portalName: org.portalName }, requestContext: { http: { method: 'GET' } }, headers: {} };
    const runner = join(workDir, 'run.mjs');
    writeFileSync(runner, `const { handler } = await import(${JSON.stringify(bundle)});\nprocess.stdout.write(JSON.stringify(await handler(${JSON.stringify(event)}, { awsRequestId: 'bundle-test' })));\n`);
    const output = execFileSync(process.execPath, [runner], {
      cwd: workDir,
      env: bundleEnvironment(local(), routes['GET /v1/portal/{portalName}'].needs, 'https://billing.example.com'),
    }).toString();
    const response = JSON.parse(output);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      portalName: org.portalName,
      portalUrl: `https://billing.example.com/p/${org.portalName}`,
      organization: { name: 'Acme Supplies', branding: {} },
    });
  });
});
