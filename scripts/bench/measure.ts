import { performance } from 'node:perf_hooks';

export interface Figures {
  name: string;
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Runs `operation` `count` times, `concurrency` at a time; latencies in milliseconds. */
export async function measure(name: string, count: number, concurrency: number, operation: (index: number) => Promise<void>): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const begin = performance.now();
      await operation(index);
      latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    name,
    count,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
    perSecond: (count / elapsed) * 1000,
  };
}

/**
 * p50 milliseconds of two operations measured in alternating rounds of
 * `concurrency` concurrent calls each (A then B, then B then A), after `warmup`
 * unmeasured rounds of both: neither gains from warming caches and JITs (here
 * and in DynamoDB Local) that the other paid for, nor from a quieter moment.
 */
export async function measureAlternating(count: number, concurrency: number, warmup: number, a: () => Promise<void>, b: () => Promise<void>) {
  const latencies: [number[], number[]] = [[], []];
  const round = async (operation: () => Promise<void>, into?: number[]) => {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        const begin = performance.now();
        await operation();
        into?.push(performance.now() - begin);
      }),
    );
  };
  for (let index = 0; index < warmup; index++) {
    await round(a);
    await round(b);
  }
  for (let index = 0; latencies[0].length < count; index++) {
    const order = index % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const);
    for (const which of order) await round(which === 0 ? a : b, latencies[which]);
  }
  const p50 = (values: number[]) =>
    percentile(
      [...values].sort((x, y) => x - y),
      50,
    );
  return { a: p50(latencies[0]), b: p50(latencies[1]) };
}

export function printFigures(rows: Figures[]) {
  const format = (value: number) => value.toFixed(1).padStart(8);
  console.log(`${'benchmark'.padEnd(58)} ${'n'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'req/s'.padStart(8)}`);
  for (const row of rows) {
    console.log(`${row.name.padEnd(58)} ${String(row.count).padStart(5)} ${format(row.p50)} ${format(row.p95)} ${format(row.max)} ${format(row.perSecond)}`);
  }
}
