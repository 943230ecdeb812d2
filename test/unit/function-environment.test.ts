import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { config, withEnvironment } from '../../functions/core/config.ts';
import { db } from '../../functions/core/db/client.ts';
import type { HttpEvent } from '../../functions/core/http/event.ts';
import { handler } from '../../functions/portal/get-portal-info.ts';
import { environmentInvoker, type LocalServices } from '../../scripts/local/function-environment.ts';
import { logLinesOf } from '../support/log-lines.ts';

const services: LocalServices = {
  apiUrl: 'http://127.0.0.1:3000',
  sesUrl: 'http://127.0.0.1:8005',
  sesFaultsUrl: 'http://127.0.0.1:8006',
  cognito: {
    endpoint: 'http://127.0.0.1:9229',
    staff: { userPoolId: 'local_staff', clientId: 'staff' },
    portal: { userPoolId: 'local_portal', clientId: 'portal' },
  },
  dynamodb: { endpoint: 'http://127.0.0.1:8000', tableName: 'portico-local' },
  stripe: { apiUrl: 'http://127.0.0.1:12111', webhookSecret: 'whsec_local' },
  s3: { endpoint: 'http://127.0.0.1:4569', logoBucket: 'portico-logos-local' },
  consumers: { deadLetters: '/tmp/dead-letters.jsonl' },
};
const invoke = environmentInvoker(services);

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('configuration per invocation', () => {
  it("reads the invocation's environment, not the process's", () => {
    vi.stubEnv('TABLE_NAME', 'process-table');
    expect(() => withEnvironment({}, () => config('table'))).toThrow('Configuration section "table" is invalid: TABLE_NAME');
    expect(withEnvironment({ TABLE_NAME: 'scoped-table' }, () => config('table').TABLE_NAME)).toBe('scoped-table');
    expect(config('table').TABLE_NAME).toBe('process-table');
  });

  it("gives a locally invoked function its needs' variables and no others", () => {
    expect(invoke({ table: 'read', web: true }, () => [config('table').TABLE_NAME, config('web').PUBLIC_BASE_URL])).toEqual([
      'portico-local',
      'http://127.0.0.1:3000',
    ]);
    expect(() => invoke({ table: 'read' }, () => config('email'))).toThrow('Configuration section "email" is invalid: EMAIL_FROM');
    expect(() => invoke({ table: 'read' }, () => config('portalPool'))).toThrow('Configuration section "portalPool" is invalid');
  });

  it('fails a route whose function lacks one of its needs, as AWS would, even once the process has its DynamoDB client', async () => {
    invoke({ table: 'read' }, () => db());
    const event = {
      rawPath: '/v1/portal/acme',
      routeKey: 'GET /v1/portal/{portalName}',
      pathParameters: { portalName: 'acme' },
      requestContext: { http: { method: 'GET' } },
      headers: {},
    };
    let response: APIGatewayProxyStructuredResultV2 | undefined;
    const lines = await logLinesOf(async () => {
      response = await invoke({ web: true }, () => handler(event as unknown as HttpEvent, { awsRequestId: 'missing-need' } as Context));
    });

    expect(response?.statusCode).toBe(500);
    const logged = lines.find((entry) => entry.message === 'unhandled error')!;
    expect(logged.error.message).toBe('Configuration section "table" is invalid: TABLE_NAME');
  });
});
