import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import document from './openapi.generated.json' with { type: 'json' };
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/openapi.json'], async () => ok(document));
