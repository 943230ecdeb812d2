import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import document from './openapi.generated.json' with { type: 'json' };
import { getOpenapiRoute } from './routes.ts';

export const handler = http(getOpenapiRoute, async () => ok(document));
