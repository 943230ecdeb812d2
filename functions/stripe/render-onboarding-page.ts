import { http } from '../core/http/handler.ts';
import { html } from '../core/http/responses.ts';
import { renderOnboardingPage } from '../core/online-payments/onboarding-page.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /stripe/onboarding/{state}/{outcome}'], async ({ params }) => {
  const page = await renderOnboardingPage(params.state, params.outcome);
  return html(page.html, page.status, { 'content-security-policy': page.contentSecurityPolicy });
});
