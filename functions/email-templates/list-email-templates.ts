import { listTemplates } from '../core/email-templates/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { listEmailTemplatesRoute } from './routes.ts';

export const handler = http(listEmailTemplatesRoute, async ({ caller }) => ok(await listTemplates(caller)));
