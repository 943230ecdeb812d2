import { readTemplate } from '../core/email-templates/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/email-templates/{key}'], async ({ caller, params, query }) =>
  ok(await readTemplate(caller, params.key, query)),
);
