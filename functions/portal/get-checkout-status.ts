import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { readCheckoutStatus } from '../core/online-payments/status.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/portal/{portalName}/checkout/{sessionId}'], async ({ caller, params }) =>
  ok(await readCheckoutStatus(caller, params.sessionId)),
);
