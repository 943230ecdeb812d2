import { vi } from 'vitest';

/** Every log line the product writes (info and warn to stdout, error to stderr) while `run` runs, parsed. */
export async function logLinesOf(run: () => Promise<unknown>): Promise<Record<string, any>[]> {
  const lines: string[] = [];
  const capture = (chunk: unknown) => lines.push(String(chunk)) > 0;
  vi.stubEnv('PORTICO_LOG', 'on');
  const spies = [vi.spyOn(process.stdout, 'write').mockImplementation(capture), vi.spyOn(process.stderr, 'write').mockImplementation(capture)];
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
    vi.unstubAllEnvs();
  }
  return lines.map((line) => JSON.parse(line));
}
