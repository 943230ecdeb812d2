/**
 * `npm run bench` (`-- --short` for the quick run a test makes): starts the local
 * runtime in memory, seeds a realistic organization beside a second one, and
 * prints latencies through the local gateway, each benchmarked route's
 * in-process handler against its own AWS calls replayed, every function's
 * bundle and import time against a hello-world's, the cold starts of the
 * portal journey, the aging report of 1,000 open invoices against 10,000 and a
 * statement page of 6,000 documents, the itemized cost of 10,000 invoices from what their
 * journeys used, and whether the targets hold; the last line is one JSON
 * object with the figures. Local figures are for ratios and regressions, not
 * AWS predictions (docs/bundles-and-benchmarks.md).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alternatingColdStarts, bundleAll, functionServing, gatewayEvent, journeyColdStarts, medianColdStart, portalJourney } from './bench/cold-start.ts';
import { invoiceCost, printInvoiceCost } from './bench/cost.ts';
import { benchDocuments } from './bench/documents.ts';
import { type Figures, printFigures } from './bench/measure.ts';
import { benchOrganizations } from './bench/organizations.ts';
import { benchReceivables } from './bench/receivables.ts';
import { printBundles, printJourney, printRoutes, printTargets, targetsOf } from './bench/report.ts';
import { benchRoutes, signInPersonsFor } from './bench/routes.ts';
import { seedOrganization } from './bench/seed.ts';
import { bundleEnvironment, bundleWithSizes } from './bundle-handler.ts';
import { client } from './local/api-client.ts';
import { environmentInvoker } from './local/function-environment.ts';
import { ensureStaffUser } from './local/seed.ts';
import { spawnLocalRuntime } from './local/spawn-runtime.ts';

// The bench calls handlers and DynamoDB Local from this process too: local credentials, as the runtime gives its functions.
Object.assign(process.env, {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  PORTICO_LOG: 'silent',
});

const short = process.argv.includes('--short');
// The short run measures little of everything: a few requests, one cold start each, only the journey's functions.
const size = short
  ? { contacts: 10, documents: 40, requests: 6, coldRuns: 1, coldRatioRuns: 1, httpScale: 0.01, invoiceJourneys: 2 }
  : { contacts: 200, documents: 5_000, requests: 200, coldRuns: 11, coldRatioRuns: 21, httpScale: 1, invoiceJourneys: 20 };
const receivablesSizes = short
  ? { contacts: 8, smallInvoices: 100, largeInvoices: 1_000, statementDocuments: 300, requests: 6 }
  : { contacts: 50, smallInvoices: 1_000, largeInvoices: 10_000, statementDocuments: 6_000, requests: 50 };
const PORTAL_LIST = 'GET /v1/portal/{portalName}/documents';

process.stdout.write(`Starting the local runtime${short ? ' (short run)' : ''}…\n`);
const runtime = await spawnLocalRuntime({ meter: true });
const { state } = runtime;
const workDir = mkdtempSync(join(tmpdir(), 'portico-bench-'));
try {
  const newStaffToken = () => ensureStaffUser(state.cognito.endpoint, state.cognito.staff, `bench-${randomUUID()}@example.test`, 'Bench-Password-1!');
  const token = await newStaffToken();
  const staff = client(state.apiUrl, token);
  const invoke = environmentInvoker(state);

  let started = Date.now();
  const org = await seedOrganization(staff, invoke, size.contacts, size.documents, signInPersonsFor(size.requests));
  await seedOrganization(staff, invoke, size.contacts / 10, size.documents / 10);
  console.log(
    `seeded ${size.contacts} contacts and ${size.documents} documents (with payments and comments) beside a second organization in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const portalToken = (await client(state.apiUrl)('POST', `/v1/portal/${org.portalName}/sessions`, org.person)).idToken as string;

  const rows: Figures[] = [];
  const notes = [
    await benchOrganizations(staff, async () => client(state.apiUrl, await newStaffToken()), rows, size.httpScale),
    await benchDocuments(state.apiUrl, staff, rows, size.httpScale),
  ];
  console.log('\nthrough the local gateway (HTTP, one process for every function)');
  printFigures(rows);
  for (const note of notes) console.log(note);

  const routes = await benchRoutes(state, invoke, org, token, portalToken, size.requests);
  printRoutes(routes, size.requests);

  const receivables = await benchReceivables(staff, invoke, token, receivablesSizes);

  const cost = await invoiceCost(state, token, size.invoiceJourneys);
  printInvoiceCost(cost);

  started = Date.now();
  await bundleWithSizes(join(import.meta.dirname, 'bench/hello.ts'), join(workDir, 'hello'));
  const helloEnvironment = bundleEnvironment(state, { table: 'read' });
  const hello = { importMs: medianColdStart(join(workDir, 'hello'), helloEnvironment, undefined, size.coldRuns) };
  const journeyRequests = await portalJourney(state);
  const functions = await bundleAll(workDir, short ? journeyRequests.map((request) => request.routeKey) : undefined);
  const bundles = functions.map((fn) => ({
    function: fn.name,
    bytes: fn.bytes,
    appBytes: fn.appBytes,
    importMs: medianColdStart(fn.dir, bundleEnvironment(state, fn.needs), undefined, size.coldRuns),
  }));
  printBundles(bundles, hello, size.coldRuns);

  const list = functionServing(functions, PORTAL_LIST);
  const claims = JSON.parse(Buffer.from(portalToken.split('.')[1]!, 'base64url').toString());
  const listEvent = gatewayEvent(PORTAL_LIST, `/v1/portal/${org.portalName}/documents`, { portalName: org.portalName }, claims);
  // The list and the hello-world in turn, so the ratio compares like with like.
  const [listMs, helloMs] = alternatingColdStarts(
    [
      { dir: list.dir, env: bundleEnvironment(state, list.needs), event: listEvent, name: 'list' },
      { dir: join(workDir, 'hello'), env: helloEnvironment, event: {}, name: 'hello' },
    ],
    size.coldRatioRuns,
  ) as [number, number];
  const coldStart = { function: list.name, handlerMs: listMs, helloMs, ratio: listMs / helloMs };
  console.log(
    `\ncold start (import + first request, median of ${size.coldRatioRuns} fresh Node processes each, taken in turn): ${list.name} serving the portal list ${listMs.toFixed(0)} ms, hello-world (one client, one GetItem) ${helloMs.toFixed(0)} ms, ratio ${coldStart.ratio.toFixed(2)}`,
  );

  const journey = journeyColdStarts(state, functions, journeyRequests, Math.min(size.coldRuns, 7));
  printJourney(journey);
  console.log(`(bundles and cold starts took ${((Date.now() - started) / 1000).toFixed(0)} s)`);

  const targets = targetsOf({ bundles, listFunction: list.name, coldStart, journey, routes, receivables });
  printTargets(targets);

  const round = (value: number) => Math.round(value * 100) / 100;
  console.log(
    JSON.stringify({
      short,
      bundles: bundles.map((bundle) => ({ ...bundle, importMs: round(bundle.importMs) })),
      hello: { importMs: round(hello.importMs) },
      coldStart: { ...coldStart, handlerMs: round(coldStart.handlerMs), helloMs: round(coldStart.helloMs), ratio: round(coldStart.ratio) },
      journey: journey.map((step) => ({ ...step, firstRequestMs: round(step.firstRequestMs) })),
      routes: routes.map((row) => ({
        ...row,
        byConcurrency: row.byConcurrency.map((at) => ({
          concurrency: at.concurrency,
          handlerP50Ms: round(at.handlerP50Ms),
          replayP50Ms: round(at.replayP50Ms),
          ratio: round(at.ratio),
        })),
      })),
      receivables: {
        aging: {
          small: { ...receivables.aging.small, p50Ms: round(receivables.aging.small.p50Ms) },
          large: { ...receivables.aging.large, p50Ms: round(receivables.aging.large.p50Ms) },
          ratio: round(receivables.aging.ratio),
        },
        statement: { ...receivables.statement, p50Ms: round(receivables.statement.p50Ms) },
      },
      cost,
      targets,
    }),
  );
} finally {
  rmSync(workDir, { recursive: true, force: true });
  runtime.stop();
}
