import type { Context } from 'aws-lambda';
import { afterEach, expect, it, vi } from 'vitest';
import type { HttpEvent } from '../../functions/core/http/event.ts';
import { isolateInvocations } from '../../functions/core/invocation-scope.ts';
import { handler } from '../../functions/system/fallback.ts';

const event = (method: string, path: string) =>
  ({ rawPath: path, routeKey: '$default', requestContext: { http: { method } }, headers: {} }) as unknown as HttpEvent;
const context = (awsRequestId: string) => ({ awsRequestId }) as Context;

afterEach(() => vi.restoreAllMocks());

it('logs each of two concurrent invocations in one process (as the local runtime runs them) with its own request id, and returns it as x-request-id', async () => {
  isolateInvocations();
  const lines: string[] = [];
  vi.stubEnv('PORTICO_LOG', 'on');
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  const [first, second] = await Promise.all([handler(event('GET', '/one'), context('request-1')), handler(event('DELETE', '/v1/orgs'), context('request-2'))]);
  vi.unstubAllEnvs();

  expect([first.statusCode, first.headers?.['x-request-id']]).toEqual([404, 'request-1']);
  expect([second.statusCode, second.headers?.['x-request-id']]).toEqual([405, 'request-2']);
  const logged = lines.map((line) => JSON.parse(line)).filter((entry) => entry.message === 'request');
  expect(logged.map((entry) => [entry.requestId, entry.status]).sort()).toEqual([
    ['request-1', 404],
    ['request-2', 405],
  ]);
});
