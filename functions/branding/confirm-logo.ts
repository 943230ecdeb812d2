import { confirmLogo } from '../core/branding/logo-service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/orgs/{orgId}/logo/confirm'], async ({ caller, body }) => ok(await confirmLogo(caller, body.uploadId)));
