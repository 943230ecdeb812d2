import { http } from '../core/http/handler.ts';
import { immutableScript } from '../core/http/responses.ts';
import { portalAsset } from '../core/portal-pages/pages.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /p/assets/{file}'], async ({ params }) => immutableScript(portalAsset(params.file)));
