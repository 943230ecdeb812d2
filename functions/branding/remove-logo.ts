import { removeLogo } from '../core/branding/logo-service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['DELETE /v1/orgs/{orgId}/logo'], async ({ caller }) => ok(await removeLogo(caller)));
