import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleHandler } from '../../scripts/bundle-handler.ts';
import { local } from '../support/local.ts';
import { newOrganization } from '../support/staff.ts';

const workDir = mkdtempSync(join(tmpdir(), 'portico-bundle-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('the deployed bundle', () => {
  it('runs in a bare Node process (no node_modules, no TypeScript) against DynamoDB Local', async () => {
    const { org } = await newOrganization();
    const bundle = join(workDir, 'index.mjs');
    const bytes = await bundleHandler('portal/get-portal-info', bundle);
    expect(bytes).toBeLessThan(1_000_000);

    const event = { rawPath: `/v1/portal/${org.portalName}`, pathParameters: { portalName: org.portalName }, requestContext: { http: { method: 'GET' } }, headers: {} };
    const runner = join(workDir, 'run.mjs');
    writeFileSync(runner, `const { handler } = await import(${JSON.stringify(bundle)});\nprocess.stdout.write(JSON.stringify(await handler(${JSON.stringify(event)}, { awsRequestId: 'bundle-test' })));\n`);
    const output = execFileSync(process.execPath, [runner], {
      cwd: workDir,
      env: {
        PATH: process.env.PATH,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        PORTICO_LOG: 'silent',
        TABLE_NAME: local().dynamodb.tableName,
        DYNAMODB_ENDPOINT: local().dynamodb.endpoint,
        PUBLIC_BASE_URL: 'https://billing.example.com',
      },
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
