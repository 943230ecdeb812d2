import { undeliverableAddresses } from '../core/email/addresses.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { listUndeliverableRoute } from './routes.ts';

export const handler = http(listUndeliverableRoute, async ({ caller, query }) => ok(await undeliverableAddresses(caller, query)));
