import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { consumers } from '../../functions/core/consumers.ts';
import { portalScript } from '../../functions/core/portal-pages/script.generated.ts';
import type { RouteKey } from '../../functions/routes.ts';
import { besideBundle } from '../../lib/settings/bundling.ts';
import { entryFile, functionGroups, groupEntry } from '../../lib/settings/function-groups.ts';
import { bundleEnvironment, bundleFunction } from '../../scripts/bundle-handler.ts';
import { newContact } from '../support/contacts.ts';
import { makeDocument, sentDocument } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { pdfText } from '../support/pdf-text.ts';
import { newOrganization } from '../support/staff.ts';

const workDir = mkdtempSync(join(tmpdir(), 'portico-bundle-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Bundles the function serving `routeKey` as the stack does, and answers one event with it in a bare Node process given only its needs' variables. */
async function invokeBundled(routeKey: RouteKey, event: object, publicBaseUrl?: string) {
  const group = functionGroups().find((candidate) => candidate.routes.some((route) => route.key === routeKey))!;
  const dir = join(workDir, group.name);
  const bytes = await bundleFunction(groupEntry(group), dir, besideBundle(group));
  const runner = join(dir, 'run.mjs');
  const fullEvent = { ...event, routeKey, requestContext: { routeKey, ...(event as { requestContext: object }).requestContext } };
  writeFileSync(
    runner,
    `const { handler } = await import('./index.mjs');\nprocess.stdout.write(JSON.stringify(await handler(${JSON.stringify(fullEvent)}, { awsRequestId: 'bundle-test' })));\n`,
  );
  const output = execFileSync(process.execPath, [runner], { cwd: dir, env: bundleEnvironment(local(), group.needs, publicBaseUrl) }).toString();
  return { bytes, dir, response: JSON.parse(output) };
}

describe('the deployed bundles', () => {
  it('run in a bare Node process (no node_modules, no TypeScript) against DynamoDB Local, dispatching by route key', async () => {
    const { org } = await newOrganization();
    const { bytes, response } = await invokeBundled(
      'GET /v1/portal/{portalName}',
      { rawPath: `/v1/portal/${org.portalName}`, pathParameters: { portalName: org.portalName }, requestContext: { http: { method: 'GET' } }, headers: {} },
      'https://billing.example.com',
    );
    expect(bytes).toBeLessThan(1_000_000);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      portalName: org.portalName,
      portalUrl: `https://billing.example.com/p/${org.portalName}`,
      organization: { name: 'Acme Supplies', branding: { color: null, appliedColor: '#1d4ed8', logoUrl: null } },
    });
  });

  it("serve the portal app's script from the file shipped beside the bundle, as the shell's integrity names it", async () => {
    const { dir, response } = await invokeBundled('GET /p/assets/{file}', {
      rawPath: `/p/assets/${portalScript.file}`,
      pathParameters: { file: portalScript.file },
      requestContext: { http: { method: 'GET' } },
      headers: {},
    });
    expect([response.statusCode, response.headers['content-type'], response.headers['cache-control']]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
    ]);
    expect(`sha384-${createHash('sha384').update(response.body).digest('base64')}`).toBe(portalScript.integrity);
    // Beside the bundle, not in it: no other route's cold start parses it.
    expect(readFileSync(join(dir, 'index.mjs'), 'utf8').includes(response.body.slice(0, 1_000))).toBe(false);
  });

  it('render a PDF with the fonts the PDF function ships beside its bundle', async () => {
    const { org, api, token } = await newOrganization();
    const contact = await newContact(api, org.id);
    const invoice = await makeDocument(api, org.id, 'invoices', contact.id);
    const staffId = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub;
    const { response } = await invokeBundled('GET /v1/orgs/{orgId}/{kind}/{docId}/pdf', {
      rawPath: `/v1/orgs/${org.id}/invoices/${invoice.id}/pdf`,
      pathParameters: { orgId: org.id, kind: 'invoices', docId: invoice.id },
      requestContext: { http: { method: 'GET' }, authorizer: { jwt: { claims: { sub: staffId }, scopes: [] } } },
      headers: {},
    });
    expect([response.statusCode, response.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(pdfText(Buffer.from(response.body, 'base64'))).toContain(invoice.number);
  });

  it('make a Factur-X e-invoice in the e-invoice function, with the fonts it ships and the spreadsheet reader left out', async () => {
    const { org, api, token } = await newOrganization({
      address: { line1: 'Friedrichstraße 10', city: 'Berlin', postalCode: '10117', country: 'DE' },
      taxRegistrations: [{ country: 'DE', scheme: 'vat', id: 'DE123456789' }],
    });
    const contact = await newContact(api, org.id, 0, { address: { line1: 'Marienplatz 1', city: 'München', postalCode: '80331', country: 'DE' } });
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    const staffId = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub;
    const { bytes, response } = await invokeBundled('GET /v1/orgs/{orgId}/{kind}/{docId}/e-invoice', {
      rawPath: `/v1/orgs/${org.id}/invoices/${invoice.id}/e-invoice`,
      rawQueryString: 'format=facturx',
      queryStringParameters: { format: 'facturx' },
      pathParameters: { orgId: org.id, kind: 'invoices', docId: invoice.id },
      requestContext: { http: { method: 'GET' }, authorizer: { jwt: { claims: { sub: staffId }, scopes: [] } } },
      headers: {},
    });
    // pdfkit and fontkit (the PDF), pdf-lib (the PDF/A), the library, Ajv and the SDK: about 2.7 MB.
    expect(bytes).toBeLessThan(3_000_000);
    expect([response.statusCode, response.headers['content-type']]).toEqual([200, 'application/pdf']);
    const pdf = Buffer.from(response.body, 'base64').toString('latin1');
    expect(pdf).toContain('/F (factur-x.xml)');
    expect(pdf).toContain('/FontFile2');
  });

  it('run a stream consumer bare too, reporting only the record it could not handle', async () => {
    const { org, api } = await newOrganization();
    const draft = await makeDocument(api, org.id, 'invoices', (await newContact(api, org.id)).id);
    const consumer = consumers.dispatcher;
    const dir = join(workDir, 'consumer');
    // The dispatcher carries every effect's clients (SES, Stripe, SQS) and pdfkit for the statement it attaches to mail
    // (its fonts beside the bundle): heavier than one route's function, about 2.5 MB; its cold start delays no request.
    expect(await bundleFunction(entryFile(consumer.entry), dir, besideBundle(consumer))).toBeLessThan(3_000_000);
    const outbox = { type: 'outbox', orgId: org.id, at: new Date().toISOString(), actor: { type: 'system', id: 'outbox' } };
    const record = (sequenceNumber: string, item: object) => ({ eventName: 'INSERT', dynamodb: { SequenceNumber: sequenceNumber, NewImage: marshall(item) } });
    const event = {
      Records: [
        record('1', { ...outbox, id: 'evt_bundle_1', eventType: 'document.sent', data: { docId: draft.id, recipients: [] } }),
        record('2', { ...outbox, id: 'evt_bundle_2', eventType: 'document.sent', data: {} }),
      ],
    };
    const runner = join(dir, 'run.mjs');
    writeFileSync(
      runner,
      `const { handler } = await import('./index.mjs');\nprocess.stdout.write(JSON.stringify(await handler(${JSON.stringify(event)}, { awsRequestId: 'bundle-test' })));\n`,
    );
    const output = execFileSync(process.execPath, [runner], { cwd: dir, env: bundleEnvironment(local(), consumer.needs) }).toString();
    expect(JSON.parse(output)).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
  });
});
