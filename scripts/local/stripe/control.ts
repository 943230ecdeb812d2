import type { ServerResponse } from 'node:http';
import * as z from 'zod';
import type { Double } from './double.ts';
import { invalidRequest, resourceMissing, StripeApiError } from './errors.ts';
import { expire, pay, settle } from './flows/checkout.ts';
import { closeDispute, openDispute } from './flows/disputes.ts';
import { completeOnboarding } from './flows/onboarding.ts';
import { sendJson } from './http.ts';
import { matchRoute, route } from './router.ts';

interface ControlRequest {
  pathParams: Record<string, string>;
  body: unknown;
  query: URLSearchParams;
}
type ControlHandler = (double: Double, request: ControlRequest) => unknown;

const parse = <T extends z.ZodType>(schema: T, body: unknown): z.infer<T> => {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw invalidRequest(z.prettifyError(parsed.error));
  return parsed.data;
};

const Pay = z.strictObject({ method: z.optional(z.enum(['card', 'us_bank_account'])), email: z.optional(z.string()) });
const Settle = z.strictObject({ outcome: z.enum(['succeeded', 'failed']) });
const Onboard = z.strictObject({ businessName: z.optional(z.string()) });
const Dispute = z.strictObject({ reason: z.optional(z.string()) });
const CloseDispute = z.strictObject({ status: z.enum(['won', 'lost']) });
const Rule = z.strictObject({
  mode: z.enum(['duplicate', 'reorder', 'delay', 'drop']),
  account: z.optional(z.string()),
  types: z.optional(z.array(z.string()).min(1)),
  count: z.optional(z.int().min(1)),
  copies: z.optional(z.int().min(2).max(10)),
  delayMs: z.optional(z.int().min(0).max(60_000)),
});
const Scope = z.strictObject({ account: z.optional(z.string()) });
const DeliveryUrl = z.strictObject({ account: z.optional(z.string()), url: z.optional(z.url()) });

/**
 * What tests (and a person trying things) drive the double with, under a path
 * Stripe never uses: what the pages' buttons do, what a customer's bank does
 * later, and how webhooks are delivered.
 */
const controlRoutes = [
  route<ControlHandler>('POST', '/_control/checkout/sessions/:id/pay', (double, { pathParams, body }) => {
    const { method = 'card', email } = parse(Pay, body);
    return pay(double, pathParams.id!, method, email);
  }),
  route<ControlHandler>('POST', '/_control/checkout/sessions/:id/settle', (double, { pathParams, body }) =>
    settle(double, pathParams.id!, parse(Settle, body).outcome),
  ),
  route<ControlHandler>('POST', '/_control/checkout/sessions/:id/cancel', (double, { pathParams }) => expire(double, pathParams.id!)),
  route<ControlHandler>('POST', '/_control/accounts/:id/onboard', (double, { pathParams, body }) =>
    completeOnboarding(double, pathParams.id!, parse(Onboard, body).businessName),
  ),
  route<ControlHandler>('POST', '/_control/charges/:id/dispute', (double, { pathParams, body }) =>
    openDispute(double, pathParams.id!, parse(Dispute, body).reason),
  ),
  route<ControlHandler>('POST', '/_control/disputes/:id/close', (double, { pathParams, body }) =>
    closeDispute(double, pathParams.id!, parse(CloseDispute, body).status),
  ),
  route<ControlHandler>('POST', '/_control/delivery/rules', (double, { body }) => double.deliveries.addRule(parse(Rule, body))),
  route<ControlHandler>('DELETE', '/_control/delivery/rules', (double, { query }) => double.deliveries.clearRules(query.get('account') ?? undefined)),
  route<ControlHandler>('POST', '/_control/delivery/flush', (double, { body }) => double.deliveries.flush(parse(Scope, body).account)),
  route<ControlHandler>('PUT', '/_control/delivery/url', (double, { body }) => {
    const { account, url } = parse(DeliveryUrl, body);
    double.deliveries.setUrl(account, url);
  }),
  route<ControlHandler>('GET', '/_control/deliveries', (double, { query }) => ({
    data: double.deliveries.list({
      account: query.get('account') ?? undefined,
      eventId: query.get('event') ?? undefined,
      type: query.get('type') ?? undefined,
    }),
  })),
  route<ControlHandler>('POST', '/_control/events/:id/resend', (double, { pathParams }) => {
    const event = double.store.locate('event', pathParams.id!)?.value;
    if (!event) throw resourceMissing('event', pathParams.id!);
    return double.deliveries.send(event);
  }),
];

export async function serveControl(double: Double, method: string, response: ServerResponse, url: URL, body: string) {
  const match = matchRoute(controlRoutes, method, url.pathname);
  if (!match) return sendJson(response, 404, { error: { type: 'invalid_request_error', message: `No control route ${method} ${url.pathname}.` } });
  try {
    const result = await match.handler(double, { pathParams: match.pathParams, body: body ? JSON.parse(body) : undefined, query: url.searchParams });
    if (result === undefined) return void response.writeHead(204).end();
    sendJson(response, 200, result as object);
  } catch (error) {
    if (error instanceof SyntaxError) return sendJson(response, 400, invalidRequest('The body is not JSON.').toJSON());
    if (!(error instanceof StripeApiError)) throw error;
    sendJson(response, error.status, error.toJSON());
  }
}
