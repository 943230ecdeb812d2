import { http } from '../core/http/handler.ts';
import { immutableScript } from '../core/http/responses.ts';
import { portalAsset } from '../core/portal-pages/pages.ts';
import { getPortalAssetRoute } from './routes.ts';

export const handler = http(getPortalAssetRoute, async ({ params }) => immutableScript(portalAsset(params.file)));
