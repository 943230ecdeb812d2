import { previewTemplate } from '../core/email-templates/editing.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { previewEmailTemplateRoute } from './routes.ts';

export const handler = http(previewEmailTemplateRoute, async ({ caller, params, query, body }) => ok(await previewTemplate(caller, params.key, query, body)));
