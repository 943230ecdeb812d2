import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { contactCredits } from '../core/payments/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/contacts/{contactId}/credits'], async ({ caller, params }) =>
  ok(await contactCredits(caller, params.contactId)),
);
