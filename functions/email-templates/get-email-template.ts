import { readTemplate } from '../core/email-templates/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { getEmailTemplateRoute } from './routes.ts';

export const handler = http(getEmailTemplateRoute, async ({ caller, params, query }) => ok(await readTemplate(caller, params.key, query)));
