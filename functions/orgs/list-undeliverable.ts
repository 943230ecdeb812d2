import { undeliverableAddresses } from '../core/email/addresses.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/mail/undeliverable'], async ({ caller, query }) => ok(await undeliverableAddresses(caller, query)));
