import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { creditEntries } from '../core/payments/service.ts';
import { listCreditEntriesRoute } from './routes.ts';

export const handler = http(listCreditEntriesRoute, async ({ caller, params, query }) =>
  ok(await creditEntries(caller, params.contactId, params.currency, query)),
);
