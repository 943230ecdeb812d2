import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { personSignIns } from '../core/portal-access/sign-in-history.ts';
import { listPersonSignInsRoute } from './routes.ts';

export const handler = http(listPersonSignInsRoute, async ({ caller, params, query }) =>
  ok(await personSignIns(caller, params.contactId, params.personId, query)),
);
