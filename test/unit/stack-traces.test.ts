import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { originalStack } from '../../functions/core/stack-traces.ts';
import { bundleFunction } from '../../scripts/bundle-handler.ts';

const workDir = mkdtempSync(join(tmpdir(), 'portico-stacks-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const fixture = join(import.meta.dirname, '../support/failing-handler.ts');
const event = { rawPath: '/fail', routeKey: 'GET /fail', requestContext: { http: { method: 'GET', sourceIp: '127.0.0.1', userAgent: 'test' } }, headers: {} };

it('logs a bundled function’s error at the source file and line it was thrown from, with no source-map flag on Node', async () => {
  await bundleFunction(fixture, workDir);
  // A fresh Node process as Lambda starts one (the test runner maps stacks itself, so it cannot show this).
  writeFileSync(
    join(workDir, 'run.mjs'),
    `const { handler } = await import('./index.mjs'); await handler(${JSON.stringify(event)}, { awsRequestId: 'request-stack' });`,
  );
  const { stdout, stderr } = spawnSync(process.execPath, [join(workDir, 'run.mjs')], {
    env: { PATH: process.env.PATH, PORTICO_LOG: 'on', AWS_REGION: 'us-east-1' },
    encoding: 'utf8',
  });
  // Errors go to stderr, as Lambda's JSON log format keeps them.
  const failure = `${stdout}\n${stderr}`
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line))
    .find((line) => line.message === 'unhandled error');

  const thrownAt =
    readFileSync(fixture, 'utf8')
      .split('\n')
      .findIndex((line) => line.includes('throw new RangeError')) + 1;
  expect(failure.error.name).toBe('RangeError');
  expect(failure.error.stack).toMatch(new RegExp(`test/support/failing-handler\\.ts:${thrownAt}:\\d+`));
  expect(failure.error.stack).toMatch(/functions\/core\/http\/handler\.ts:\d+:\d+/);
  expect(failure.error.stack).not.toContain('index.mjs');
});

it('leaves frames without a source map beside them as they are', () => {
  const stack = 'Error: x\n    at run (file:///nowhere/index.mjs:1:200)\n    at node:internal/process/task_queues:95:5';
  expect(originalStack(stack)).toBe(stack);
});
