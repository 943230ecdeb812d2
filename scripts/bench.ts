/**
 * `npm run bench`: starts the local runtime in memory, seeds a realistic
 * organization beside a second one, and prints latency, throughput, DynamoDB
 * calls per request against the same calls made directly, bundle sizes and
 * cold starts; the last line is one JSON object with the headline figures.
 * Local figures are for ratios and regressions, not AWS predictions.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionGroups, groupEntry } from '../lib/settings/function-groups.ts';
import { coldStarts, gatewayEvent, medianColdStart } from './bench/cold-start.ts';
import { benchDocuments } from './bench/documents.ts';
import { type Figures, printFigures } from './bench/measure.ts';
import { benchOrganizations } from './bench/organizations.ts';
import { benchRoutes } from './bench/routes.ts';
import { seedOrganization } from './bench/seed.ts';
import { bundleEnvironment, bundleWithSizes } from './bundle-handler.ts';
import { client } from './local/api-client.ts';
import { environmentInvoker } from './local/function-environment.ts';
import { ensureStaffUser } from './local/seed.ts';
import { spawnLocalRuntime } from './local/spawn-runtime.ts';

// The bench calls handlers and DynamoDB Local from this process too: local credentials, as the runtime gives its functions.
Object.assign(process.env, { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', PORTICO_LOG: 'silent' });

const COLD_RUNS = 11;
const PORTAL_LIST = 'GET /v1/portal/{portalName}/documents';

process.stdout.write('Starting the local runtime…\n');
const runtime = await spawnLocalRuntime();
const { state } = runtime;
const workDir = mkdtempSync(join(tmpdir(), 'portico-bench-'));
try {
  const token = await ensureStaffUser(state.cognito.endpoint, state.cognito.staff, `bench-${randomUUID()}@example.test`, 'Bench-Password-1!');
  const staff = client(state.apiUrl, token);
  const invoke = environmentInvoker(state);

  let started = Date.now();
  const org = await seedOrganization(staff, invoke, 200, 5_000);
  await seedOrganization(staff, invoke, 20, 500);
  console.log(
    `seeded 200 contacts and 5,000 documents (with payments and comments) beside a second organization in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const portalToken = (await client(state.apiUrl)('POST', `/v1/portal/${org.portalName}/sessions`, org.person)).idToken as string;

  const rows: Figures[] = [];
  const notes = [await benchOrganizations(staff, rows), await benchDocuments(state.apiUrl, staff, rows)];
  printFigures(rows);
  for (const note of notes) console.log(note);

  const routeFigures = await benchRoutes(state, invoke, org, token, portalToken);
  console.log(
    `\n${'route (300 requests, 8 concurrent, seeded organization)'.padEnd(52)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'req/s'.padStart(7)} ${'DDB calls'.padStart(9)} ${'raw DDB p50'.padStart(11)} ${'ratio'.padStart(6)}`,
  );
  for (const row of routeFigures) {
    console.log(
      `${row.route.padEnd(52)} ${row.p50Ms.toFixed(1).padStart(7)} ${row.p99Ms.toFixed(1).padStart(7)} ${row.rps.toFixed(0).padStart(7)} ${String(row.ddbCalls).padStart(9)} ${row.rawDdbP50Ms.toFixed(1).padStart(11)} ${row.ratio.toFixed(2).padStart(6)}`,
    );
  }

  started = Date.now();
  const bundles: { function: string; bytes: number; appBytes: number }[] = [];
  for (const group of functionGroups()) {
    const sizes = await bundleWithSizes(groupEntry(group), join(workDir, group.name), group.renders);
    bundles.push({ function: group.name, ...sizes });
  }
  console.log(`\n${'function'.padEnd(40)} ${'bundle KB'.padStart(10)} ${'outside the SDK KB'.padStart(19)}`);
  for (const bundle of bundles)
    console.log(`${bundle.function.padEnd(40)} ${(bundle.bytes / 1024).toFixed(0).padStart(10)} ${(bundle.appBytes / 1024).toFixed(0).padStart(19)}`);

  const listGroup = functionGroups().find((group) => group.routes.some((route) => route.key === PORTAL_LIST))!;
  const claims = JSON.parse(Buffer.from(portalToken.split('.')[1]!, 'base64url').toString());
  const listEvent = gatewayEvent(PORTAL_LIST, `/v1/portal/${org.portalName}/documents`, { portalName: org.portalName }, claims);
  const handlerMs = medianColdStart(join(workDir, listGroup.name), bundleEnvironment(state, listGroup.needs), listEvent, COLD_RUNS);
  await bundleWithSizes(join(import.meta.dirname, 'bench/hello.ts'), join(workDir, 'hello'));
  const helloMs = medianColdStart(join(workDir, 'hello'), bundleEnvironment(state, { table: 'read' }), {}, COLD_RUNS);
  const coldStart = { handlerMs, helloMs, ratio: handlerMs / helloMs };
  console.log(
    `\ncold start, median of ${COLD_RUNS} fresh Node processes (import + first request): ${listGroup.name} serving the portal list ${handlerMs.toFixed(0)} ms, hello-world (one client, one GetItem) ${helloMs.toFixed(0)} ms, ratio ${coldStart.ratio.toFixed(2)}`,
  );

  const { journey } = await coldStarts(state);
  console.log('\nportal journey of the demo person (fresh Node process: import + this request, median of 7)');
  for (const step of journey)
    console.log(`${step.routeKey.padEnd(52)} ${step.functionName.padEnd(34)} ${step.cold ? 'cold' : '    '} ${step.firstRequestMs.toFixed(1).padStart(7)} ms`);
  console.log(`(bundles and cold starts took ${((Date.now() - started) / 1000).toFixed(0)} s)`);

  const round = (value: number) => Math.round(value * 100) / 100;
  console.log(
    JSON.stringify({
      bundles,
      coldStart: { handlerMs: round(coldStart.handlerMs), helloMs: round(coldStart.helloMs), ratio: round(coldStart.ratio) },
      routes: routeFigures.map((row) => ({
        ...row,
        p50Ms: round(row.p50Ms),
        p99Ms: round(row.p99Ms),
        rps: round(row.rps),
        rawDdbP50Ms: round(row.rawDdbP50Ms),
        ratio: round(row.ratio),
      })),
    }),
  );
} finally {
  rmSync(workDir, { recursive: true, force: true });
  runtime.stop();
}
