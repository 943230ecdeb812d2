import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { readCheckoutStatus } from '../core/online-payments/status.ts';
import { getCheckoutStatusRoute } from './routes.ts';

export const handler = http(getCheckoutStatusRoute, async ({ caller, params }) => ok(await readCheckoutStatus(caller, params.sessionId)));
