import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { contactCredits } from '../core/payments/service.ts';
import { listCreditsRoute } from './routes.ts';

export const handler = http(listCreditsRoute, async ({ caller, params }) => ok(await contactCredits(caller, params.contactId)));
