import { http } from '../core/http/handler.ts';
import { html } from '../core/http/responses.ts';
import { renderPortalPage } from '../core/portal-pages/pages.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /p/{portalName}/{page}'], async ({ params }) => {
  const page = await renderPortalPage(params.portalName, params.docId ? 'documents' : params.page);
  return html(page.html, page.status, { 'content-security-policy': page.contentSecurityPolicy });
});
