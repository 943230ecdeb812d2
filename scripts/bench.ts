/**
 * `npm run bench`: starts the local runtime in memory and prints latency and
 * throughput figures for the main paths, and cold starts of bundled handlers.
 * Local figures are for ratios and regressions, not AWS predictions.
 */
import { randomUUID } from 'node:crypto';
import { routes } from '../functions/core/routes.ts';
import { client } from './local/api-client.ts';
import { coldStart } from './bench/cold-start.ts';
import { benchDocuments } from './bench/documents.ts';
import { printFigures, type Figures } from './bench/measure.ts';
import { benchOrganizations } from './bench/organizations.ts';
import { ensureStaffUser } from './local/seed.ts';
import { spawnLocalRuntime } from './local/spawn-runtime.ts';

process.stdout.write('Starting the local runtime…\n');
const runtime = await spawnLocalRuntime();
const { state } = runtime;
try {
  const token = await ensureStaffUser(state.cognito.endpoint, state.cognito.staff, `bench-${randomUUID()}@example.test`, 'Bench-Password-1!');
  const staff = client(state.apiUrl, token);
  const rows: Figures[] = [];
  const notes = [await benchOrganizations(staff, rows), await benchDocuments(state.apiUrl, staff, rows)];
  printFigures(rows);
  for (const note of notes) console.log(note);

  console.log('\ncold start of bundled handlers (fresh Node process: import + first request, median of 7)');
  const portalName = state.demo.portalName;
  for (const result of [
    await coldStart('portal/get-portal-info', routes['GET /v1/portal/{portalName}'].needs, { rawPath: `/v1/portal/${portalName}`, pathParameters: { portalName }, requestContext: { http: { method: 'GET' } }, headers: {} }, state),
    await coldStart('system/fallback', {}, { rawPath: '/nowhere', requestContext: { http: { method: 'GET' } }, headers: {} }, state),
  ]) {
    console.log(`${result.entry.padEnd(40)} bundle ${String(result.bundleKb).padStart(5)} KB   ${result.medianMs.toFixed(1).padStart(7)} ms`);
  }
} finally {
  runtime.stop();
}
