import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { openApiDocument } from '../core/openapi.ts';
import { routes } from '../core/routes.ts';

const document = openApiDocument();

export const handler = http(routes['GET /v1/openapi.json'], async () => ok(document));
