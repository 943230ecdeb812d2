import { portalLogo } from '../core/branding/serve.ts';
import { http } from '../core/http/handler.ts';
import { getPortalLogoRoute } from './routes.ts';

export const handler = http(getPortalLogoRoute, async ({ params, query }) => {
  const logo = await portalLogo(params.portalName, query.v);
  return {
    status: 200 as const,
    raw: { content: logo.bytes, contentType: logo.contentType },
    headers: { 'cache-control': logo.cacheControl, 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'" },
  };
});
