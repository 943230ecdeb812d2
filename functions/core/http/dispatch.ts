import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { HttpEvent } from './event.ts';

export type HttpHandler = (event: HttpEvent, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * One function serves every route of its set of needs. API Gateway names the
 * matched route in the event, so choosing the handler needs no path matching;
 * anything else (`$default`, the `/{proxy+}` catch-all) goes to the fallback.
 */
export function dispatch(handlers: Record<string, HttpHandler>, fallback: HttpHandler): HttpHandler {
  const byRouteKey = new Map(Object.entries(handlers));
  return (event, context) => (byRouteKey.get(event.routeKey) ?? fallback)(event, context);
}
