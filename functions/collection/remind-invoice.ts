import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { remindByHand } from '../core/reminders/service.ts';
import { remindInvoiceRoute } from './routes.ts';

export const handler = http(remindInvoiceRoute, async ({ caller, params }) => ok(await remindByHand(caller, params.docId)));
