import { randomUUID } from 'node:crypto';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { FAILURES_PER_ADDRESS } from '../../functions/core/portal-access/throttle.ts';
import { type RouteKey, routes } from '../../functions/routes.ts';
import type { InvokeWithEnvironment } from '../local/function-environment.ts';
import type { LocalState } from '../local/local-state.ts';
import { attachCounter, type ReplayClients, recordCalls, replay } from './aws-calls.ts';
import { gatewayEvent } from './cold-start.ts';
import { measureAlternating } from './measure.ts';
import type { SeededOrganization } from './seed.ts';

/** The concurrencies each route is measured at. */
export const CONCURRENCIES = [1, 8] as const;

export interface AtConcurrency {
  concurrency: number;
  /** The route's handler called in this process. */
  handlerP50Ms: number;
  /** The same AWS calls the handler made, sent directly with the SDK from this process. */
  replayP50Ms: number;
  ratio: number;
}

export interface RouteFigures {
  route: RouteKey;
  /** AWS calls (DynamoDB and the portal pool) one request makes. */
  calls: number;
  byConcurrency: AtConcurrency[];
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

/** The persons of the sign-in route, each used below the per-email throttle's limit. */
function signInRotation(org: SeededOrganization) {
  let signIns = 0;
  return () => {
    const person = org.signInPersons[Math.floor(signIns++ / FAILURES_PER_ADDRESS)];
    if (!person) throw new Error('The bench seeded too few sign-in persons for its request count.');
    return person;
  };
}

/** The benchmarked routes, each as one request of the seeded organization. */
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
    { route: 'POST /v1/portal/{portalName}/sessions', path: `/v1/portal/${portalName}/sessions`, params: { portalName }, body: signInRotation(org) },
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

/** Unmeasured rounds of handler and replay before the measured ones: about a tenth of the requests. */
const warmupRounds = (count: number, concurrency: number) => Math.max(1, Math.round(count / concurrency / 10));

/** How many sign-in persons `benchRoutes` uses for `count` requests per concurrency. */
export const signInPersonsFor = (count: number) =>
  Math.ceil(
    (2 +
      CONCURRENCIES.reduce((calls, concurrency) => calls + Math.ceil(count / concurrency) * concurrency + warmupRounds(count, concurrency) * concurrency, 0)) /
      FAILURES_PER_ADDRESS,
  );

type Handler = (event: unknown, context: Context) => Promise<{ statusCode: number }>;

/**
 * Each route's handler called in this process, `count` times at each
 * concurrency, against the AWS calls one request made (recorded once) replayed
 * as often at the same concurrency: the ratio is what the product adds to the
 * calls it cannot avoid. Sign-ins use the seeded persons (and the recording,
 * `org.person`), so none meets the per-email throttle.
 */
export async function benchRoutes(
  state: LocalState,
  invoke: InvokeWithEnvironment,
  org: SeededOrganization,
  staffToken: string,
  portalToken: string,
  count: number,
) {
  const clients: ReplayClients = {
    dynamodb: new DynamoDBClient({ endpoint: state.dynamodb.endpoint, region: 'us-east-1' }),
    cognito: new CognitoIdentityProviderClient({ endpoint: state.cognito.endpoint, region: 'us-east-1' }),
  };
  const figures: RouteFigures[] = [];
  for (const request of benchRequests(org, staffToken, portalToken)) {
    const spec = routes[request.route];
    const { handler } = (await import(`../../functions/${spec.entry}.ts`)) as { handler: Handler };
    const event = (body = request.body?.()) => gatewayEvent(request.route, request.path, request.params, claimsOf(request.token), body, request.headers?.());
    const call = (body?: unknown) =>
      invoke(spec.needs, async () => {
        const response = await handler(event(body), { awsRequestId: 'bench' } as Context);
        if (response.statusCode >= 300) throw new Error(`${request.route}: ${response.statusCode} ${(response as { body?: string }).body ?? ''}`);
      });
    await call();
    const recordBody = request.route === 'POST /v1/portal/{portalName}/sessions' ? org.person : undefined;
    const calls = await invoke(spec.needs, () => {
      attachCounter(spec.needs);
      return recordCalls(() => call(recordBody));
    });
    await replay(clients, calls);
    const byConcurrency: AtConcurrency[] = [];
    for (const concurrency of CONCURRENCIES) {
      const { a: handlerP50Ms, b: replayP50Ms } = await measureAlternating(
        count,
        concurrency,
        warmupRounds(count, concurrency),
        () => call(),
        async () => {
          await replay(clients, calls);
        },
      );
      byConcurrency.push({ concurrency, handlerP50Ms, replayP50Ms, ratio: handlerP50Ms / replayP50Ms });
    }
    figures.push({ route: request.route, calls: calls.length, byConcurrency });
  }
  clients.dynamodb.destroy();
  clients.cognito.destroy();
  return figures;
}
