import { confirmLogo } from '../core/branding/logo-service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { confirmLogoRoute } from './routes.ts';

export const handler = http(confirmLogoRoute, async ({ caller, body }) => ok(await confirmLogo(caller, body.uploadId)));
