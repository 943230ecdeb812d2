/**
 * `npm run bench`: starts the local runtime in memory and prints latency and
 * throughput figures for the main paths, and the cold starts of the bundled functions.
 * Local figures are for ratios and regressions, not AWS predictions.
 */
import { randomUUID } from 'node:crypto';
import { client } from './local/api-client.ts';
import { coldStarts } from './bench/cold-start.ts';
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

  const { functions, journey } = await coldStarts(state);
  console.log('\ndeployed functions, bundled as the stack does (cold start: fresh Node process importing the bundle, median of 7)');
  for (const fn of functions) console.log(`${fn.name.padEnd(40)} bundle ${String(fn.bundleKb).padStart(5)} KB   import ${fn.importMs.toFixed(1).padStart(7)} ms`);
  console.log('\nportal journey (fresh Node process: import + this request, median of 7)');
  for (const step of journey) {
    console.log(`${step.routeKey.padEnd(52)} ${step.functionName.padEnd(34)} ${step.cold ? 'cold' : '    '} ${step.firstRequestMs.toFixed(1).padStart(7)} ms`);
  }
  const cold = journey.filter((step) => step.cold);
  console.log(`${cold.length} cold starts, ${cold.reduce((total, step) => total + step.firstRequestMs, 0).toFixed(0)} ms in all`);
} finally {
  runtime.stop();
}
