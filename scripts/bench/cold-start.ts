import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { consumers } from '../../functions/core/consumers.ts';
import type { Needs } from '../../functions/core/needs.ts';
import { portalScript } from '../../functions/core/portal-pages/script.generated.ts';
import { schedules } from '../../functions/core/schedules.ts';
import { subscribers } from '../../functions/core/subscribers.ts';
import type { RouteKey } from '../../functions/routes.ts';
import { type BesideBundle, besideBundle } from '../../lib/settings/bundling.ts';
import { entryFile, functionGroups, groupEntry, pascal } from '../../lib/settings/function-groups.ts';
import { bundleEnvironment, bundleWithSizes } from '../bundle-handler.ts';
import { client } from '../local/api-client.ts';
import type { LocalState } from '../local/local-state.ts';

interface DeployedFunction {
  name: string;
  entry: string;
  needs: Needs;
  beside?: BesideBundle;
  routeKeys: string[];
}

/** A deployed function, bundled as the stack bundles it. */
export interface BundledFunction extends DeployedFunction {
  dir: string;
  bytes: number;
  /** Bytes from outside the AWS SDK (`@aws-sdk/*`, `@smithy/*`). */
  appBytes: number;
}

export interface JourneyStep {
  routeKey: RouteKey;
  functionName: string;
  /** The journey's first request to this function. */
  cold: boolean;
  /** Median of fresh Node processes importing the bundle and answering this request. */
  firstRequestMs: number;
}

/** Every function the stack deploys: the API's groups, the stream consumers and the schedules. */
const deployedFunctions = (): DeployedFunction[] => [
  ...functionGroups().map((group) => ({
    name: group.name,
    needs: group.needs,
    entry: groupEntry(group),
    beside: besideBundle(group),
    routeKeys: group.routes.map((route) => route.key as string),
  })),
  ...Object.entries({ ...consumers, ...schedules, ...subscribers }).map(([name, spec]) => ({
    name: pascal(name),
    entry: entryFile(spec.entry),
    needs: spec.needs as Needs,
    routeKeys: [],
  })),
];

/** Bundles every deployed function (or those serving `routeKeys`) into `workDir` as the stack does, with its sizes. */
export async function bundleAll(workDir: string, routeKeys?: string[]): Promise<BundledFunction[]> {
  const bundled: BundledFunction[] = [];
  const chosen = deployedFunctions().filter((fn) => !routeKeys || fn.routeKeys.some((key) => routeKeys.includes(key)));
  for (const fn of chosen) {
    const dir = join(workDir, fn.name);
    bundled.push({ ...fn, dir, ...(await bundleWithSizes(fn.entry, dir, fn.beside)) });
  }
  return bundled;
}

/** A bundle to cold-start: its directory, its environment and the request it answers first (none: import only). */
export interface ColdStartSubject {
  dir: string;
  env: NodeJS.ProcessEnv;
  event?: object;
  /** Names the runner file, so one directory can hold several. */
  name?: string;
}

/** Writes the subject's runner and returns one timed fresh Node process: milliseconds of import, then the first request. */
function coldStartRun({ dir, env, event, name = 'run' }: ColdStartSubject): () => number {
  const runner = join(dir, `${name}.mjs`);
  writeFileSync(
    runner,
    [
      'const started = performance.now();',
      `const { handler } = await import(${JSON.stringify(join(dir, 'index.mjs'))});`,
      event ? `const response = await handler(${JSON.stringify(event)}, { awsRequestId: 'bench' });` : '',
      event ? 'if (!(response.statusCode < 500)) throw new Error(JSON.stringify(response));' : '',
      'process.stdout.write(String(performance.now() - started));',
    ].join('\n'),
  );
  return () => Number(execFileSync(process.execPath, [runner], { cwd: dir, env }).toString());
}

const median = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

/** Median milliseconds of `runs` fresh Node processes: import of the bundle, then the first request when there is one. */
export function medianColdStart(dir: string, env: NodeJS.ProcessEnv, event: object | undefined, runs: number): number {
  const run = coldStartRun({ dir, env, event });
  return median(Array.from({ length: runs }, run));
}

/**
 * The median cold start of each subject, their runs taken in turn (A, B, A, B…):
 * a slower stretch of the machine weighs on each alike, so their ratio compares like with like.
 */
export function alternatingColdStarts(subjects: ColdStartSubject[], runs: number): number[] {
  const timed = subjects.map(coldStartRun);
  const times = subjects.map((): number[] => []);
  for (let round = 0; round < runs; round++) {
    for (const [index, run] of timed.entries()) times[index]!.push(run());
  }
  return times.map(median);
}

/** The function serving a route. */
export const functionServing = (functions: BundledFunction[], routeKey: string) => functions.find((fn) => fn.routeKeys.includes(routeKey))!;

/**
 * The portal journey of the demo person (the sign-in page, sign-in, the
 * documents page and list, one document's page and API, its PDF, the statement
 * page and API), request by request, each in fresh Node processes: which
 * function it reaches and whether the journey already started that function.
 */
export function journeyColdStarts(
  state: LocalState,
  functions: BundledFunction[],
  requests: Awaited<ReturnType<typeof portalJourney>>,
  runs: number,
): JourneyStep[] {
  const journey: JourneyStep[] = [];
  for (const request of requests) {
    const fn = functionServing(functions, request.routeKey);
    const cold = !journey.some((step) => step.functionName === fn.name);
    const firstRequestMs = medianColdStart(fn.dir, bundleEnvironment(state, fn.needs), request, runs);
    journey.push({ routeKey: request.routeKey, functionName: fn.name, cold, firstRequestMs });
  }
  return journey;
}

/** A request as API Gateway hands it to a function: the route's key, path parameters, the verified claims and the caller's address (the throttles count by it). */
export const gatewayEvent = (
  routeKey: RouteKey,
  rawPath: string,
  pathParameters: Record<string, string>,
  claims: Record<string, unknown>,
  body?: unknown,
  headers: Record<string, string> = {},
) => ({
  version: '2.0',
  routeKey,
  rawPath,
  rawQueryString: '',
  headers: { 'content-type': 'application/json', ...headers },
  pathParameters,
  body: body === undefined ? undefined : JSON.stringify(body),
  isBase64Encoded: false,
  requestContext: {
    http: { method: routeKey.split(' ')[0], path: rawPath, sourceIp: '127.0.0.1', userAgent: 'portico-bench' },
    requestId: 'bench',
    routeKey,
    authorizer: { jwt: { claims, scopes: [] } },
  },
});

/** The demo portal person's requests, as API Gateway events: pages and API calls in the order a browser makes them. */
export async function portalJourney(state: LocalState) {
  const portalName = state.demo.portalName;
  const api = client(state.apiUrl);
  const { idToken } = await api('POST', `/v1/portal/${portalName}/sessions`, state.demo.portalPerson);
  const claims = JSON.parse(Buffer.from(String(idToken).split('.')[1]!, 'base64url').toString());
  const { items } = await client(state.apiUrl, idToken)('GET', `/v1/portal/${portalName}/documents`);
  const docId = items[0].id as string;
  const event = (routeKey: RouteKey, rawPath: string, pathParameters: Record<string, string>, signedIn: boolean, body?: unknown) =>
    gatewayEvent(routeKey, rawPath, pathParameters, signedIn ? claims : {}, body);
  const portal = `/v1/portal/${portalName}`;
  return [
    event('GET /p/{portalName}', `/p/${portalName}`, { portalName }, false),
    // The single-page app's script, which every page names (cached for a year after this first load).
    event('GET /p/assets/{file}', `/p/assets/${portalScript.file}`, { file: portalScript.file }, false),
    event('POST /v1/portal/{portalName}/sessions', `${portal}/sessions`, { portalName }, false, state.demo.portalPerson),
    event('GET /p/{portalName}/{page}', `/p/${portalName}/documents`, { portalName, page: 'documents' }, false),
    event('GET /v1/portal/{portalName}/documents', `${portal}/documents`, { portalName }, true),
    event('GET /p/{portalName}/documents/{docId}', `/p/${portalName}/documents/${docId}`, { portalName, docId }, false),
    event('GET /v1/portal/{portalName}/documents/{docId}', `${portal}/documents/${docId}`, { portalName, docId }, true),
    event('GET /v1/portal/{portalName}/documents/{docId}/pdf', `${portal}/documents/${docId}/pdf`, { portalName, docId }, true),
    event('GET /p/{portalName}/{page}', `/p/${portalName}/statement`, { portalName, page: 'statement' }, false),
    event('GET /v1/portal/{portalName}/statement', `${portal}/statement`, { portalName }, true),
  ];
}
