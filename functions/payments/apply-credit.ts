import { http } from '../core/http/handler.ts';
import { created } from '../core/http/responses.ts';
import { applyCredit } from '../core/payments/service.ts';
import { applyCreditRoute } from './routes.ts';

export const handler = http(applyCreditRoute, async ({ caller, params, body }) => created(await applyCredit(caller, params.docId, body)));
