import type { Context } from 'aws-lambda';
import { afterEach, expect, it, vi } from 'vitest';
import type { HttpEvent } from '../../functions/core/http/event.ts';
import { http } from '../../functions/core/http/handler.ts';
import { log, withLogContext } from '../../functions/core/log.ts';
import { logLinesOf } from '../support/log-lines.ts';

const event = {
  rawPath: '/v1/orgs/org_1/boom',
  routeKey: 'POST /v1/orgs/{orgId}/boom',
  pathParameters: { orgId: 'org_1' },
  requestContext: { http: { method: 'POST', sourceIp: '127.0.0.1', userAgent: 'test' } },
  headers: {},
} as unknown as HttpEvent;

afterEach(() => vi.restoreAllMocks());

it('logs an unhandled error with its stack, the request and organization ids, and answers a 500 without internals', async () => {
  const handler = http({ auth: 'none' }, async () => {
    throw new TypeError('Cannot read properties of undefined (reading "total") for jane.doe@example.com');
  });
  let response: Awaited<ReturnType<typeof handler>> | undefined;
  const lines = await logLinesOf(async () => {
    response = await handler(event, { awsRequestId: 'request-500' } as Context);
  });

  expect(response!.statusCode).toBe(500);
  expect(response!.body).not.toMatch(/total|TypeError|example\.com/);
  const failure = lines.find((line) => line.message === 'unhandled error')!;
  expect(failure).toMatchObject({ level: 'ERROR', service: 'portico', requestId: 'request-500', orgId: 'org_1', route: 'POST /v1/orgs/{orgId}/boom' });
  expect(failure.error.name).toBe('TypeError');
  expect(failure.error.stack).toContain('error-logging.test.ts');
  expect(failure.error.message).toBe('Cannot read properties of undefined (reading "total") for [email]');
  expect(JSON.stringify(lines)).not.toContain('jane.doe');
});

it('writes no email, password, token or body, whatever a caller passes', async () => {
  const lines = await logLinesOf(async () =>
    withLogContext(async () => {
      log.bind({ requestId: 'request-1' });
      log.warn('sign-in refused for ana@example.org', { email: 'ana@example.org', password: 'Secret-1!', idToken: 'x', body: '{"a":1}', personId: 'person_1' });
      log.info('token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln and key sk_test_1234567890abcdef seen');
    }),
  );

  expect(lines[0]).toMatchObject({
    level: 'WARN',
    message: 'sign-in refused for [email]',
    requestId: 'request-1',
    personId: 'person_1',
    email: '[redacted]',
    password: '[redacted]',
    idToken: '[redacted]',
    body: '[redacted]',
  });
  expect(lines[1]).toMatchObject({ level: 'INFO', message: 'token [credential] and key [credential] seen', requestId: 'request-1' });
});

it('stays quiet when PORTICO_LOG is silent', async () => {
  const written = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.stubEnv('PORTICO_LOG', 'silent');
  log.error('not written', {}, new Error('boom'));
  vi.unstubAllEnvs();
  expect(written).not.toHaveBeenCalled();
});
