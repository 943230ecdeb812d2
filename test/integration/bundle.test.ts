import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { marshall } from '@aws-sdk/util-dynamodb';
import { bundleEnvironment, bundleHandler } from '../../scripts/bundle-handler.ts';
import { newContact } from '../support/contacts.ts';
import { makeDocument } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { newOrganization } from '../support/staff.ts';

const workDir = mkdtempSync(join(tmpdir(), 'portico-bundle-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Bundles a handler entry as the stack does and runs it once with `event` in a bare Node process: its result. */
async function runBundled(entry: string, event: object) {
  const bundle = join(workDir, `${entry.replace('/', '-')}.mjs`);
  const bytes = await bundleHandler(entry, bundle);
  expect(bytes).toBeLessThan(1_000_000);
  const runner = join(workDir, 'run.mjs');
  writeFileSync(runner, `const { handler } = await import(${JSON.stringify(bundle)});\nprocess.stdout.write(JSON.stringify(await handler(${JSON.stringify(event)}, { awsRequestId: 'bundle-test' })));\n`);
  const output = execFileSync(process.execPath, [runner], {
    cwd: workDir,
    env: bundleEnvironment(local(), 'https://billing.example.com'),
  }).toString();
  return JSON.parse(output);
}

describe('the deployed bundle', () => {
  it('runs in a bare Node process (no node_modules, no TypeScript) against DynamoDB Local', async () => {
    const { org } = await newOrganization();
    const event = { rawPath: `/v1/portal/${org.portalName}`, pathParameters: { portalName: org.portalName }, requestContext: { http: { method: 'GET' } }, headers: {} };
    const response = await runBundled('portal/get-portal-info', event);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      portalName: org.portalName,
      portalUrl: `https://billing.example.com/p/${org.portalName}`,
      organization: { name: 'Acme Supplies', branding: {} },
    });
  });

  it('runs a stream consumer bare too, reporting only the record it could not handle', async () => {
    const { org, api } = await newOrganization();
    const draft = await makeDocument(api, org.id, 'invoices', (await newContact(api, org.id)).id);
    const outbox = { type: 'outbox', orgId: org.id, at: new Date().toISOString(), actor: { type: 'system', id: 'outbox' } };
    const record = (sequenceNumber: string, item: object) => ({ eventName: 'INSERT', dynamodb: { SequenceNumber: sequenceNumber, NewImage: marshall(item) } });
    const response = await runBundled('consumers/send-notifications', {
      Records: [
        record('1', { ...outbox, id: 'evt_bundle_1', eventType: 'document.sent', data: { docId: draft.id, recipients: [] } }),
        record('2', { ...outbox, id: 'evt_bundle_2', eventType: 'document.sent', data: {} }),
      ],
    });
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
  });
});
