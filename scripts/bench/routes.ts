import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { type RouteKey, routes } from '../../functions/routes.ts';
import type { InvokeWithEnvironment } from '../local/function-environment.ts';
import type { LocalState } from '../local/local-state.ts';
import { gatewayEvent } from './cold-start.ts';
import { attachCounter, recordCalls, replay } from './ddb-calls.ts';
import { measure } from './measure.ts';
import type { SeededOrganization } from './seed.ts';

export interface RouteFigures {
  route: RouteKey;
  p50Ms: number;
  p99Ms: number;
  rps: number;
  ddbCalls: number;
  rawDdbP50Ms: number;
  ratio: number;
}

interface BenchRequest {
  route: RouteKey;
  path: string;
  params: Record<string, string>;
  token?: string;
  body?: () => unknown;
  headers?: () => Record<string, string>;
}

const claimsOf = (token: string | undefined) => (token ? JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) : {});
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The routes the issue names, each as one request of the seeded organization. */
function benchRequests(org: SeededOrganization, staffToken: string, portalToken: string): BenchRequest[] {
  const { orgId, portalName } = org;
  const docId = org.docIds[0]!;
  return [
    { route: 'GET /v1/portal/{portalName}/documents', path: `/v1/portal/${portalName}/documents`, params: { portalName }, token: portalToken },
    {
      route: 'GET /v1/portal/{portalName}/documents/{docId}',
      path: `/v1/portal/${portalName}/documents/${docId}`,
      params: { portalName, docId },
      token: portalToken,
    },
    { route: 'GET /v1/portal/{portalName}', path: `/v1/portal/${portalName}`, params: { portalName } },
    { route: 'POST /v1/portal/{portalName}/sessions', path: `/v1/portal/${portalName}/sessions`, params: { portalName }, body: () => org.person },
    {
      route: 'POST /v1/orgs/{orgId}/{kind}',
      path: `/v1/orgs/${orgId}/invoices`,
      params: { orgId, kind: 'invoices' },
      token: staffToken,
      body: () => ({ contactId: org.contactIds[1], lines: [{ description: 'Consulting', quantity: 2, unitPrice: 5000, taxRate: 19 }] }),
      headers: () => ({ 'idempotency-key': randomUUID() }),
    },
    { route: 'GET /v1/orgs/{orgId}/contacts', path: `/v1/orgs/${orgId}/contacts`, params: { orgId }, token: staffToken },
  ];
}

/**
 * Each route under concurrent load through the local gateway (p50, p99,
 * throughput), then once in this process through its handler with the call
 * counter on, and the calls it made replayed directly with the SDK.
 */
export async function benchRoutes(
  state: LocalState,
  invoke: InvokeWithEnvironment,
  org: SeededOrganization,
  staffToken: string,
  portalToken: string,
  count = 300,
  concurrency = 8,
) {
  const raw = new DynamoDBClient({ endpoint: state.dynamodb.endpoint, region: 'us-east-1' });
  const figures: RouteFigures[] = [];
  for (const request of benchRequests(org, staffToken, portalToken)) {
    const load = await measure(request.route, count, concurrency, async () => {
      const response = await fetch(`${state.apiUrl}${request.path}`, {
        method: request.route.split(' ')[0],
        headers: { 'content-type': 'application/json', ...(request.token ? { authorization: `Bearer ${request.token}` } : {}), ...request.headers?.() },
        body: request.body ? JSON.stringify(request.body()) : undefined,
      });
      await response.arrayBuffer();
      if (response.status >= 300) throw new Error(`${request.route}: ${response.status}`);
    });
    const spec = routes[request.route];
    const { handler } = (await import(`../../functions/${spec.entry}.ts`)) as {
      handler: (event: unknown, context: Context) => Promise<{ statusCode: number }>;
    };
    const event = () => gatewayEvent(request.route, request.path, request.params, claimsOf(request.token), request.body?.(), request.headers?.());
    const calls = await invoke(spec.needs, async () => {
      attachCounter();
      await handler(event(), { awsRequestId: 'bench-warm' } as Context);
      return recordCalls(() => handler(event(), { awsRequestId: 'bench' } as Context));
    });
    const rawTimes: number[] = [];
    for (let run = 0; run < 50; run++) rawTimes.push(await replay(raw, calls));
    const rawDdbP50Ms = median(rawTimes);
    figures.push({
      route: request.route,
      p50Ms: load.p50,
      p99Ms: load.p99,
      rps: load.perSecond,
      ddbCalls: calls.length,
      rawDdbP50Ms,
      ratio: rawDdbP50Ms > 0 ? load.p50 / rawDdbP50Ms : 0,
    });
  }
  raw.destroy();
  return figures;
}
