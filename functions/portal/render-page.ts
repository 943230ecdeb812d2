import { http } from '../core/http/handler.ts';
import { html } from '../core/http/responses.ts';
import { renderPortalPage } from '../core/portal-pages/pages.ts';
import { renderNamedPageRoute } from './routes.ts';

export const handler = http(renderNamedPageRoute, async ({ params }) => {
  const page = await renderPortalPage(params.portalName, params.docId ? 'documents' : params.page);
  return html(page.html, page.status, { 'content-security-policy': page.contentSecurityPolicy });
});
