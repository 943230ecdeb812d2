import { type ApiResponse, request } from '../api.ts';
import type { Probe } from './probes.ts';

/** Runs calls with at most `concurrency` in flight, in order of start. */
export async function pooled<T, R>(items: T[], concurrency: number, call: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await call(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

export interface Finding {
  probe: string;
  status: number;
  problem: string;
}

const STACK_TRACE = /\bat [\w.<>]+ \(|node:internal|\.ts:\d+:\d+/;

/** What is wrong with an answer: a 5xx, a stack trace, a secret of someone else, or another status than the one required. */
export function judge(probe: Probe, response: ApiResponse): string | undefined {
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  if (response.status >= 500) return `answered ${response.status}: ${text.slice(0, 200)}`;
  if (STACK_TRACE.test(text)) return 'a stack trace in the body';
  if (probe.expectStatus !== undefined && response.status !== probe.expectStatus) return `expected ${probe.expectStatus}, got ${response.status}`;
  // Only what the request did not carry itself: a page that shows the id in its own address leaks nothing.
  const carried = `${probe.path} ${JSON.stringify(probe.body ?? null)}`;
  const leaked = probe.secrets.find((secret) => text.includes(secret) && !carried.includes(secret));
  return leaked ? `leaked ${leaked}` : undefined;
}

/** Sends every probe: the findings, the writes that were accepted (each must have stayed on the caller's side), and a count of answers by status. */
export async function runProbes(probes: Probe[], concurrency = 16) {
  const byStatus = new Map<number, number>();
  const findings: Finding[] = [];
  const writesAccepted: string[] = [];
  await pooled(probes, concurrency, async (probe) => {
    const headers: Record<string, string> = probe.idempotencyKey ? { 'idempotency-key': probe.idempotencyKey } : {};
    const response = await request(probe.method, probe.path, probe.body, { token: probe.token, headers });
    byStatus.set(response.status, (byStatus.get(response.status) ?? 0) + 1);
    if (probe.method !== 'GET' && response.status < 300) writesAccepted.push(`${probe.method} ${probe.path} → ${response.status}`);
    const problem = judge(probe, response);
    if (problem) findings.push({ probe: `${probe.method} ${probe.path}`, status: response.status, problem });
  });
  return { findings, writesAccepted, byStatus: Object.fromEntries([...byStatus].sort(([a], [b]) => a - b)) };
}
