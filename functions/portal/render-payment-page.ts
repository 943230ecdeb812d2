import { http } from '../core/http/handler.ts';
import { html } from '../core/http/responses.ts';
import { renderPortalPage } from '../core/portal-pages/pages.ts';
import { renderPaymentPageRoute } from './routes.ts';

export const handler = http(renderPaymentPageRoute, async ({ params }) => {
  const page = await renderPortalPage(params.portalName, `payment-${params.outcome}`);
  return html(page.html, page.status, { 'content-security-policy': page.contentSecurityPolicy });
});
