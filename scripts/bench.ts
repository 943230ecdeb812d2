/**
 * `npm run bench`: starts the local runtime in memory and prints latency and
 * throughput figures for the main paths, and cold starts of bundled handlers.
 * Local figures are for ratios and regressions, not AWS predictions.
 */
import { randomUUID } from 'node:crypto';
import { coldStart } from './bench/cold-start.ts';
import { measure, printFigures, type Figures } from './bench/measure.ts';
import { spawnLocalRuntime } from './local/spawn-runtime.ts';
import { ensureStaffUser } from './local/seed.ts';

const runtime = await spawnLocalRuntime();
const { state } = runtime;
try {
  const token = await ensureStaffUser(state.cognito.endpoint, state.cognito.staff, `bench-${randomUUID()}@example.test`, 'Bench-Password-1!');
  const call = async (method: string, path: string, body?: unknown, expected = 200) => {
    const response = await fetch(`${state.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== expected) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const org = await call('POST', '/v1/orgs', { name: 'Bench Ltd', portalName: `bench-${randomUUID().slice(0, 8)}` }, 201);
  const rows: Figures[] = [];

  rows.push(await measure('GET /v1/portal/{name} (public, 2 reads)', 300, 1, () => call('GET', `/v1/portal/${org.portalName}`)));
  rows.push(await measure('GET /v1/orgs/{orgId} (membership + read)', 300, 1, () => call('GET', `/v1/orgs/${org.id}`)));
  rows.push(await measure('GET /v1/orgs/{orgId}, 8 concurrent', 400, 8, () => call('GET', `/v1/orgs/${org.id}`)));
  rows.push(
    await measure('POST /v1/orgs with portal name (3-item transaction)', 100, 1, (index) =>
      call('POST', '/v1/orgs', { name: `Bench ${index}`, portalName: `b-${randomUUID().slice(0, 12)}` }, 201),
    ),
  );
  const contested = `race-${randomUUID().slice(0, 8)}`;
  let winners = 0;
  rows.push(
    await measure('100 concurrent claims of one name (all at once)', 100, 100, async (index) => {
      const response = await fetch(`${state.apiUrl}/v1/orgs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Racer ${index}`, portalName: contested }),
      });
      await response.text();
      if (response.status === 201) winners++;
    }),
  );
  printFigures(rows);
  console.log(`concurrent claims: ${winners} winner(s) of 100`);

  console.log('\ncold start of bundled handlers (fresh Node process: import + first request, median of 7)');
  const portalEvent = { rawPath: `/v1/portal/${org.portalName}`, pathParameters: { portalName: org.portalName }, requestContext: { http: { method: 'GET' } }, headers: {} };
  for (const result of [
    await coldStart('portal/get-portal-info', portalEvent, state),
    await coldStart('system/fallback', { rawPath: '/nowhere', requestContext: { http: { method: 'GET' } }, headers: {} }, state),
  ]) {
    console.log(`${result.entry.padEnd(40)} bundle ${String(result.bundleKb).padStart(5)} KB   ${result.medianMs.toFixed(1).padStart(7)} ms`);
  }
} finally {
  runtime.stop();
}
