import middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { memberCaller, portalCaller, staffCaller, type MemberCaller, type PortalCaller, type StaffCaller } from './callers.ts';
import { claimsOf, jsonBody, type HttpEvent } from './event.ts';
import { withLogContext } from '../log.ts';
import { errorResponse, requestLogging } from './middleware.ts';
import type { HttpResult } from './responses.ts';
import { parsePart, type Schema } from './validation.ts';

/**
 * How a route authenticates: `none` (public), `staff` (any staff user),
 * `member` (a staff member of the `{orgId}` in the path), `portal` (a portal person).
 */
export type Auth = 'none' | 'staff' | 'member' | 'portal';

export interface HttpOptions {
  auth: Auth;
  params?: Schema;
  query?: Schema;
  body?: Schema;
}

type Parsed<S> = S extends Schema ? z.infer<S> : undefined;
type CallerOf<A extends Auth> = A extends 'member' ? MemberCaller : A extends 'staff' ? StaffCaller : A extends 'portal' ? PortalCaller : undefined;

export interface HttpRequest<O extends HttpOptions> {
  params: Parsed<O['params']>;
  query: Parsed<O['query']>;
  body: Parsed<O['body']>;
  caller: CallerOf<O['auth']>;
  headers: Record<string, string | undefined>;
  method: string;
  path: string;
  requestId: string;
}

/** Wraps a domain call as a Lambda handler: parse, authorize, call, map the result or error. */
export function http<const O extends HttpOptions>(options: O, handle: (request: HttpRequest<O>) => Promise<HttpResult>) {
  const core = async (event: HttpEvent, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const params = options.params ? parsePart(options.params, event.pathParameters ?? {}, 'params') : undefined;
    const query = options.query ? parsePart(options.query, event.queryStringParameters ?? {}, 'query') : undefined;
    const rawBody = jsonBody(event);
    const body = options.body ? parsePart(options.body, rawBody ?? {}, 'body') : undefined;
    const caller = await resolveCaller(options.auth, event, params);
    const result = await handle({
      params,
      query,
      body,
      caller,
      headers: event.headers ?? {},
      method: event.requestContext.http.method,
      path: event.rawPath,
      requestId: context.awsRequestId,
    } as HttpRequest<O>);
    return toResponse(result);
  };
  const wrapped = middy<HttpEvent, APIGatewayProxyStructuredResultV2>().use(requestLogging()).use(errorResponse()).handler(core);
  // The options travel with the handler: a test checks that each entry is built from the route that names it.
  return Object.assign((event: HttpEvent, context: Context) => withLogContext(() => wrapped(event, context)), { options });
}

async function resolveCaller(auth: Auth, event: HttpEvent, params: unknown) {
  const claims = claimsOf(event);
  switch (auth) {
    case 'none':
      return undefined;
    case 'staff':
      return staffCaller(claims);
    case 'member':
      return memberCaller(claims, (params as { orgId: string }).orgId);
    case 'portal':
      return portalCaller(claims, (params as { portalName: string }).portalName);
  }
}

export function toResponse(result: HttpResult): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...result.headers };
  if (result.raw) {
    const isText = typeof result.raw.content === 'string';
    return {
      statusCode: result.status,
      headers: { ...headers, 'content-type': result.raw.contentType },
      body: isText ? (result.raw.content as string) : (result.raw.content as Buffer).toString('base64'),
      isBase64Encoded: !isText,
    };
  }
  if (result.body === undefined) return { statusCode: result.status, headers };
  return {
    statusCode: result.status,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(result.body),
  };
}
