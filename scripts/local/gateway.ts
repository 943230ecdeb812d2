import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { matchRoute } from '../../functions/core/http/route-matching.ts';
import { type Route, routeList } from '../../functions/routes.ts';
import { FALLBACK_GROUP, type FunctionGroup, functionGroups, groupEntry } from '../../lib/settings/function-groups.ts';
import type { InvokeWithEnvironment } from './function-environment.ts';
import { lambdaContext } from './handler-loader.ts';
import type { Authorizer } from './jwt-authorizer.ts';

type Handler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** API Gateway's own payload limit for HTTP APIs; handlers enforce the API's smaller one. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;
/** The routes the stack deploys, compiled once for matching. */
const servedRoutes = routeList();
const TEXT_TYPES = /^(text\/|application\/(json|xml|x-www-form-urlencoded|[\w.+-]+\+json))/i;

export interface GatewayOptions {
  port: number;
  authorizers: Record<'staff' | 'portal', Authorizer>;
  invokeWithEnvironment: InvokeWithEnvironment;
}

type DeployedFunctions = ReturnType<typeof deployedFunctions>;

/**
 * The functions the stack deploys: a route reaches its group's generated entry,
 * which dispatches by route key, as in AWS. Entries load on first use.
 */
function deployedFunctions() {
  const groups = functionGroups();
  const groupOf = new Map(groups.flatMap((group) => group.routes.map((route): [string, FunctionGroup] => [route.key, group])));
  const fallback = groups.find((group) => group.name === FALLBACK_GROUP)!;
  const entries = new Map(groups.map((group) => [group.name, groupEntry(group)]));
  const loaded = new Map<string, Promise<Handler>>();
  return {
    groupFor: (route: Route | undefined) => (route && groupOf.get(route.key)) ?? fallback,
    load(group: FunctionGroup): Promise<Handler> {
      if (!loaded.has(group.name))
        loaded.set(
          group.name,
          import(pathToFileURL(entries.get(group.name)!).href).then((module) => module.handler as Handler),
        );
      return loaded.get(group.name)!;
    },
  };
}

/**
 * Serves the route table the way the deployed HTTP API does: JWT authorizers,
 * payload format 2.0 events, the `$default` fallback, binary bodies in base64,
 * each invocation in its function's environment.
 */
export function startGateway(options: GatewayOptions): Promise<Server> {
  const functions = deployedFunctions();
  const server = createServer((request, response) => {
    serve(request, response, options, functions).catch((error) => {
      process.stderr.write(`gateway error: ${(error as Error).stack}\n`);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: 'Internal Server Error' }));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve(server));
  });
}

async function serve(request: IncomingMessage, response: ServerResponse, options: GatewayOptions, functions: DeployedFunctions) {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = (request.method ?? 'GET').toUpperCase();
  const body = await readBody(request);
  if (body === undefined) return send(response, { statusCode: 413, body: JSON.stringify({ message: 'Request Entity Too Large' }) });

  const match = matchRoute(servedRoutes, method, url.pathname);
  const route = match.kind === 'route' ? match.route : undefined;
  let claims: Record<string, string> | undefined;
  if (route && route.auth !== 'none') {
    claims = await options.authorizers[route.auth === 'portal' ? 'portal' : 'staff'](headerValue(request.headers.authorization));
    // The HTTP API JWT authorizer answers this itself; the function never runs.
    if (!claims) return send(response, { statusCode: 401, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Unauthorized' }) });
  }

  const event = buildEvent(request, url, method, body, route, match.kind === 'route' ? match.pathParameters : undefined, claims);
  const group = functions.groupFor(route);
  send(response, await options.invokeWithEnvironment(group.needs, async () => (await functions.load(group))(event, lambdaContext(group.name))));
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= GATEWAY_MAX_BODY) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > GATEWAY_MAX_BODY ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

const headerValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : value);

function buildEvent(
  request: IncomingMessage,
  url: URL,
  method: string,
  body: Buffer,
  route: Route | undefined,
  pathParameters: Record<string, string> | undefined,
  claims: Record<string, string> | undefined,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name !== 'cookie' && value !== undefined) headers[name.toLowerCase()] = headerValue(value)!;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const isText = body.length === 0 || TEXT_TYPES.test(headers['content-type'] ?? 'application/json');
  const routeKey = route?.key ?? '$default';
  const now = new Date();
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: request.headers.cookie?.split(/;\s*/),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters,
    body: body.length === 0 ? undefined : isText ? body.toString('utf8') : body.toString('base64'),
    isBase64Encoded: !isText,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: request.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claims ?? {}, scopes: [] } },
    },
    stageVariables: undefined,
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
}

function send(response: ServerResponse, result: APIGatewayProxyStructuredResultV2) {
  const headers: Record<string, string | string[]> = { ...(result.headers as Record<string, string>) };
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body = result.body === undefined ? undefined : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(body);
}
