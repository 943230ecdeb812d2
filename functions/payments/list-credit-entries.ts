import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { creditEntries } from '../core/payments/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/contacts/{contactId}/credits/{currency}/entries'], async ({ caller, params, query }) =>
  ok(await creditEntries(caller, params.contactId, params.currency, query)),
);
