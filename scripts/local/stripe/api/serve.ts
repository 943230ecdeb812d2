import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Double } from '../double.ts';
import { invalidRequest, StripeApiError } from '../errors.ts';
import { expand } from '../expand.ts';
import { decodeForm, type FormParams } from '../form.ts';
import { sendJson } from '../http.ts';
import { stripeId } from '../ids.ts';
import type { Owner } from '../objects.ts';
import { matchRoute } from '../router.ts';
import { apiRoutes } from './routes.ts';

/** One request to `/v1/…`, answered as Stripe answers: its authentication, `Stripe-Account`, idempotency, `expand`, and error JSON. */
export function serveApi(double: Double, request: IncomingMessage, response: ServerResponse, url: URL, body: string) {
  const method = request.method ?? 'GET';
  const headers = { 'request-id': stripeId('req'), 'stripe-version': String(request.headers['stripe-version'] ?? '') };
  try {
    authenticate(header(request, 'authorization'));
    const owner = connectedAccount(double, header(request, 'stripe-account'));
    const match = matchRoute(apiRoutes, method, url.pathname);
    if (!match) throw new StripeApiError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${url.pathname}).`);
    const params = decodeForm(method === 'POST' ? body : url.search.slice(1));
    const idempotencyKey = method === 'POST' ? header(request, 'idempotency-key') : undefined;
    if (idempotencyKey !== undefined) {
      const replayed = double.idempotency.replay(owner, idempotencyKey, method, url.pathname, params);
      if (replayed) return sendJson(response, replayed.status, replayed.body, { ...headers, 'idempotent-replayed': 'true' });
    }
    const { expand: expansions, ...rest } = params;
    const result = match.handler(double, { owner, params: rest, pathParams: match.pathParams, path: url.pathname });
    const answer = JSON.stringify(expand(double.store, owner, result, expandPaths(expansions)), null, 2);
    if (idempotencyKey !== undefined) double.idempotency.save(owner, idempotencyKey, method, url.pathname, params, { status: 200, body: answer });
    sendJson(response, 200, answer, headers);
  } catch (error) {
    if (error instanceof StripeApiError) return sendJson(response, error.status, error.toJSON(), headers);
    process.stderr.write(`stripe double error: ${(error as Error).stack}\n`);
    sendJson(response, 500, new StripeApiError(500, 'api_error', 'An unexpected error occurred in the local Stripe double.').toJSON(), headers);
  }
}

const header = (request: IncomingMessage, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Any test-mode secret key works; a live key is refused, so a real one never ends up in local runs. */
function authenticate(authorization: string | undefined) {
  const key = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!key) throw new StripeApiError(401, 'invalid_request_error', 'You did not provide an API key.');
  if (!key.startsWith('sk_test_'))
    throw new StripeApiError(
      401,
      'invalid_request_error',
      `Invalid API Key provided: ${key.slice(0, 8)}****. The local Stripe double takes test secret keys (sk_test_…) only.`,
    );
}

function connectedAccount(double: Double, stripeAccount: string | undefined): Owner {
  if (stripeAccount === undefined) return null;
  if (!double.store.locate('account', stripeAccount)) {
    throw new StripeApiError(
      403,
      'invalid_request_error',
      `The provided key does not have access to account '${stripeAccount}' (or that account does not exist).`,
      'account_invalid',
    );
  }
  return stripeAccount;
}

function expandPaths(value: FormParams[string] | undefined): string[] {
  if (value === undefined) return [];
  const paths = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(paths) || !paths.every((path) => typeof path === 'string'))
    throw invalidRequest('Invalid expand: must be a list of strings.', undefined, 'expand');
  return paths as string[];
}
