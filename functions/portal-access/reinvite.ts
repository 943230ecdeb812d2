import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { reinvite } from '../core/portal-access/service.ts';
import { reinviteRoute } from './routes.ts';

export const handler = http(reinviteRoute, async ({ caller, body }) => ok(await reinvite(caller, body)));
