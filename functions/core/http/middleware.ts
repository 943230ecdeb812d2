import type middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { DomainError } from '../errors.ts';
import { log } from '../log.ts';
import type { HttpEvent } from './event.ts';

type Middleware = middy.MiddlewareObj<HttpEvent, APIGatewayProxyStructuredResultV2, Error, Context>;

/** Maps typed domain errors to the error JSON; anything else is our fault: a 500 without internals. */
export function errorResponse(): Middleware {
  return {
    onError: async (request) => {
      const error = request.error;
      if (error instanceof DomainError) {
        const extraHeaders = 'headers' in error ? (error.headers as Record<string, string>) : {};
        request.response = jsonError(error.status, error.toJSON(), extraHeaders);
        return;
      }
      // With its stack: this is the line someone reads when the 5xx alarm fires.
      log.error('unhandled error', {}, error);
      request.response = jsonError(500, { error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side.' } });
    },
  };
}

function jsonError(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers }, body: JSON.stringify(body) };
}

/**
 * One structured line per request, with the ids needed to follow it; the
 * request id also goes back in `x-request-id`, so a caller's report can be
 * matched to the logs.
 */
export function requestLogging(): Middleware {
  // Keyed by invocation: the local gateway runs many invocations of one handler at once.
  const startedAt = new WeakMap<Context, number>();
  return {
    before: async (request) => {
      startedAt.set(request.context, Date.now());
      const orgId = request.event.pathParameters?.orgId;
      log.bind({ requestId: request.context.awsRequestId, route: request.event.routeKey, orgId });
    },
    after: async (request) => finish(request),
    onError: async (request) => finish(request),
  };

  function finish(request: Parameters<NonNullable<Middleware['after']>>[0]) {
    const response = request.response;
    if (response) response.headers = { ...response.headers, 'x-request-id': request.context.awsRequestId };
    log.info('request', { status: response?.statusCode ?? 500, durationMs: Date.now() - (startedAt.get(request.context) ?? Date.now()) });
  }
}
