import { http } from '../core/http/handler.ts';
import { created } from '../core/http/responses.ts';
import { applyCredit } from '../core/payments/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/orgs/{orgId}/invoices/{docId}/credits'], async ({ caller, params, body }) =>
  created(await applyCredit(caller, params.docId, body)),
);
