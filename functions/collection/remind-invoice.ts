import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { remindByHand } from '../core/reminders/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/orgs/{orgId}/invoices/{docId}/remind'], async ({ caller, params }) =>
  ok(await remindByHand(caller, params.docId)),
);
