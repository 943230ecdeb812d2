import { resetTemplate } from '../core/email-templates/service.ts';
import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { resetEmailTemplateRoute } from './routes.ts';

export const handler = http(resetEmailTemplateRoute, async ({ caller, params, query }) => {
  await resetTemplate(caller, params.key, query);
  return noContent();
});
