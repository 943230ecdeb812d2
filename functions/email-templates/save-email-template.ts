import { saveTemplate } from '../core/email-templates/editing.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { saveEmailTemplateRoute } from './routes.ts';

export const handler = http(saveEmailTemplateRoute, async ({ caller, params, query, body }) => ok(await saveTemplate(caller, params.key, query, body)));
