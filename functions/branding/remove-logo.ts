import { removeLogo } from '../core/branding/logo-service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { removeLogoRoute } from './routes.ts';

export const handler = http(removeLogoRoute, async ({ caller }) => ok(await removeLogo(caller)));
