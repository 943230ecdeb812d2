import middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { PortalContext, StaffContext, StaffUser } from '../access/context.ts';
import { rolesFor } from '../access/roles.ts';
import { withLogContext } from '../log.ts';
import { withMetrics } from '../metrics-flush.ts';
import type { Auth, HttpOptions, Schema } from '../route-spec.ts';
import { withinInvocation } from '../time-budget.ts';
import { memberOf, portalPersonOf, staffUser } from './callers.ts';
import { claimsOf, type HttpEvent, jsonBody, rawBody } from './event.ts';
import { errorResponse, requestLogging } from './middleware.ts';
import { type ResultFor, toResponse } from './replies.ts';
import { parsePart } from './validation.ts';

type Parsed<S> = S extends Schema ? z.infer<S> : undefined;
type CallerOf<A extends Auth> = A extends 'member' ? StaffContext : A extends 'staff' ? StaffUser : A extends 'portal' ? PortalContext : undefined;

export interface HttpRequest<O extends HttpOptions> {
  params: Parsed<O['params']>;
  query: Parsed<O['query']>;
  body: Parsed<O['body']>;
  caller: CallerOf<O['auth']>;
  headers: Record<string, string | undefined>;
  /** The body's exact bytes, for checks over them (a webhook signature); undefined without a body. */
  rawBody: Buffer | undefined;
  /** Where the request came from, as API Gateway saw it (sign-in history). */
  client: { sourceIp: string; userAgent: string };
  method: string;
  path: string;
  /** The query string as sent, for a link back to the same view. */
  rawQuery: string;
  requestId: string;
}

/** Wraps a domain call as a Lambda handler: parse, authorize, call, answer through the declared replies, or map the error. */
export function http<const O extends HttpOptions>(options: O, handle: (request: HttpRequest<O>) => Promise<ResultFor<O['responses']>>) {
  const core = async (event: HttpEvent, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const params = options.params ? parsePart(options.params, event.pathParameters ?? {}, 'params') : undefined;
    const query = options.query ? parsePart(options.query, event.queryStringParameters ?? {}, 'query') : undefined;
    const raw = rawBody(event);
    const json = jsonBody(raw);
    const body = options.body ? parsePart(options.body, json ?? {}, 'body') : undefined;
    const caller = await resolveCaller(options, event, params);
    const result = await handle({
      params,
      query,
      body,
      caller,
      headers: event.headers ?? {},
      rawBody: raw,
      client: { sourceIp: event.requestContext.http.sourceIp, userAgent: event.requestContext.http.userAgent },
      method: event.requestContext.http.method,
      path: event.rawPath,
      rawQuery: event.rawQueryString ?? '',
      requestId: context.awsRequestId,
    } as HttpRequest<O>);
    return toResponse(result, options.responses);
  };
  const wrapped = middy<HttpEvent, APIGatewayProxyStructuredResultV2>().use(requestLogging()).use(errorResponse()).handler(core);
  // The options travel with the handler: a test checks that each entry is built from the route that names it.
  return Object.assign(
    (event: HttpEvent, context: Context) => withinInvocation(context, () => withLogContext(() => withMetrics(() => wrapped(event, context)))),
    { options },
  );
}

async function resolveCaller(options: HttpOptions, event: HttpEvent, params: unknown) {
  const claims = claimsOf(event);
  switch (options.auth) {
    case 'none':
      return undefined;
    case 'staff':
      return staffUser(claims);
    case 'member':
      return memberOf(claims, (params as { orgId: string }).orgId, rolesFor(event.requestContext.http.method, options.roles));
    case 'portal':
      return portalPersonOf(claims, (params as { portalName: string }).portalName);
  }
}
